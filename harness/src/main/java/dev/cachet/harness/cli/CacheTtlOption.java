package dev.cachet.harness.cli;

import dev.cachet.providers.CacheLifetime;
import picocli.CommandLine.Option;

/** {@code --cache-ttl}, declared once for every command that calls or bills a model. */
final class CacheTtlOption {
    static final String DEFAULT = "auto";

    @Option(names = "--cache-ttl", paramLabel = "LIFETIME", defaultValue = DEFAULT,
            description = "How long the provider keeps cached prefixes: 5m, 1h (Anthropic; writes cost 2x input "
                    + "instead of 1.25x), or auto: each request writes for an hour when the share of the session's "
                    + "gaps so far that were 5-60 minute pauses exceeds 0.75 x its new tokens / (1.15 x all it caches) "
                    + "at Anthropic's prices (each model's own from the price table), "
                    + "the hour's extra cost over the rewrite a pause would save (less where the provider has missed "
                    + "what it cached, as that is written again at the hour's price); a session that never pauses "
                    + "writes for 5 minutes throughout. Default: ${DEFAULT-VALUE} (in a replay, for the strategies; the "
                    + "recorded bill and its fidelity check keep each log's own lifetime).")
    String text;

    /** Read where it is used, so a lifetime no provider sells is an input error like an unknown model. */
    CacheLifetime lifetime() {
        return CacheLifetime.parse(text);
    }
}
