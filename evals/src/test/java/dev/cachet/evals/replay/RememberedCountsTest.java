package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolResult;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedCountsTest {
    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void the_plain_and_the_fitted_counter_tokenize_a_message_once_and_count_as_o200k_does() {
        List<Object> tokenized = new ArrayList<>();
        Encoding watched = (Encoding) Proxy.newProxyInstance(Encoding.class.getClassLoader(),
                new Class<?>[] {Encoding.class}, (proxy, method, args) -> {
                    if (method.getName().equals("countTokensOrdinary")) {
                        tokenized.add(args[0]);
                    }
                    return method.invoke(O200K, args);
                });
        TokenCounter plain = new TokenCounter(new RememberedCounts(watched));
        TokenCounter fitted = plain.calibrated(1.5, Map.of());
        String output = "src/app/models.py:42: KeyError: 'user_id'\n".repeat(20);
        ToolResult result = new ToolResult("call_1", "run_command", output, false);

        int counted = plain.count(result);
        int scaled = fitted.count(result);

        TokenCounter reference = new TokenCounter(O200K);
        assertThat(counted).isEqualTo(reference.count(result));
        assertThat(scaled).isEqualTo(reference.calibrated(1.5, Map.of()).count(result));
        assertThat(tokenized).containsOnlyOnce(output);
    }
}
