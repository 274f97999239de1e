package dev.cachet.harness.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --cache-ttl}, declared once for every command that calls or bills a model. */
final class CacheTtlOption {
    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long the provider keeps cached prefixes: 5m, or 1h (Anthropic; writes cost 2x input "
                    + "instead of 1.25x). Default: ${DEFAULT-VALUE}.")
    Duration cacheTtl;
}
