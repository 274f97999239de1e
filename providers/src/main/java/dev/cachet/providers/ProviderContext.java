package dev.cachet.providers;

import dev.cachet.context.TokenCounter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a provider may use to open a client: the environment its key comes from (keys are never printed or logged),
 * the session's token counter, and where to warn.
 */
public record ProviderContext(Map<String, String> environment, TokenCounter counter, Consumer<String> warnings) {
    public ProviderContext {
        environment = Map.copyOf(environment);
    }

    /** The key in {@code variable}; its absence is the user's to fix, so it is said plainly. */
    public String key(String variable) {
        return optionalKey(variable).orElseThrow(() -> new MissingKeyException(variable, "--model replay:<session.jsonl>"));
    }

    public Optional<String> optionalKey(String variable) {
        return Optional.ofNullable(environment.get(variable)).filter(key -> !key.isBlank());
    }
}
