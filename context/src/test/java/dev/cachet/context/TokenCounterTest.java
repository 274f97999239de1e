package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    private final TokenCounter counter = TokenCounter.o200k();

    @Test
    void every_o200k_counter_of_a_process_shares_the_one_encoding_read_once() {
        assertThat(TokenCounter.o200kEncoding()).isSameAs(TokenCounter.o200kEncoding());
        assertThat(TokenCounter.o200k()).isNotSameAs(counter);
        assertThat(TokenCounter.o200k().count("hello world")).isEqualTo(counter.count("hello world"));
    }

    @Test
    void counts_plain_text_with_the_o200k_encoding() {
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("")).isZero();
    }

    @Test
    void treats_special_token_text_as_ordinary_text() {
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void a_calibrated_counter_scales_messages_and_specs_and_pins_system_texts() {
        UserText task = new UserText("fix the failing test");
        int raw = counter.count(task);
        TokenCounter calibrated = counter.calibrated(1.5, Map.of("[unseen prefix]", 20_000));

        assertThat(calibrated.count(task)).isEqualTo(Math.round(1.5 * raw));
        assertThat(calibrated.count(new SystemText("[unseen prefix]"))).isEqualTo(20_000);
        assertThat(calibrated.count(new SystemText("you are a coding agent")))
                .isEqualTo(Math.round(1.5 * counter.count(new SystemText("you are a coding agent"))));
        assertThat(calibrated.fresh().count(new SystemText("[unseen prefix]"))).isEqualTo(20_000);
        assertThat(calibrated.count("plain text")).isEqualTo(counter.count("plain text"));
    }

    @Test
    void a_calibrated_counter_reuses_the_counts_made_before_calibrating_and_a_fresh_one_does_not() {
        List<String> tokenized = new ArrayList<>();
        TokenCounter words = new TokenCounter(text -> {
            tokenized.add(text);
            return text.split(" ").length;
        });
        ToolResult output = new ToolResult("c1", "grep", "three plain words", false);
        int raw = words.count(output);

        assertThat(words.calibrated(1.5, Map.of()).count(output)).isEqualTo(Math.round(1.5 * raw));
        assertThat(tokenized).containsExactly("three plain words");
        assertThat(words.fresh().count(output)).isEqualTo(raw);
        assertThat(tokenized).containsExactly("three plain words", "three plain words");
    }

    @Test
    void message_count_is_content_plus_overhead() {
        int content = counter.count("fix the failing test");
        assertThat(counter.count(new UserText("fix the failing test")))
                .isEqualTo(content + TokenCounter.MESSAGE_OVERHEAD);
    }

    @Test
    void assistant_turn_counts_text_and_every_tool_call() {
        AssistantTurn turn = AssistantTurn.calls("look", new ToolCall("c1", "read_file", "{\"path\":\"a.txt\"}"));
        int expected = TokenCounter.MESSAGE_OVERHEAD + counter.count("look")
                + TokenCounter.MESSAGE_OVERHEAD + counter.count("read_file") + counter.count("{\"path\":\"a.txt\"}");
        assertThat(counter.count(turn)).isEqualTo(expected);
    }

    @Test
    void equal_messages_count_the_same() {
        ToolResult a = new ToolResult("c1", "grep", "x".repeat(1000), false);
        ToolResult b = new ToolResult("c1", "grep", "x".repeat(1000), false);
        assertThat(counter.count(a)).isEqualTo(counter.count(b)).isGreaterThan(TokenCounter.MESSAGE_OVERHEAD);
    }
}
