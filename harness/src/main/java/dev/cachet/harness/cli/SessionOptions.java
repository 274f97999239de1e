package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.loop.Limits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every session-running command shares: strategy and limits. */
final class SessionOptions {
    @Option(names = {"-s", "--strategy"}, paramLabel = "NAME",
            description = "Context strategy (see 'cachet strategies'). Default: 'strategy' in .cachet.yaml, else "
                    + Strategies.DEFAULT + ".")
    String strategy;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=N",
            description = "A parameter of the strategy, e.g. -P keep=5 (repeatable; over .cachet.yaml's).")
    Map<String, Integer> params = new HashMap<>();

    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "50",
            description = "Stop after N model turns. Default: ${DEFAULT-VALUE}.")
    int maxTurns;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Stop once the session has used N tokens (input + output). Default: no limit.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Stop once the session has cost this many US dollars. Default: no limit.")
    Double maxCost;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "Stop after this much wall time (90s, 30m, 2h). Default: ${DEFAULT-VALUE}.")
    Duration maxTime;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "5",
            description = "Stop after N tool calls in a row fail. Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Kill a command the agent runs after this long. Default: ${DEFAULT-VALUE}.")
    Duration commandTimeout;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long the provider keeps cached prefixes: 5m, or 1h (Anthropic; writes cost 2x input "
                    + "instead of 1.25x). Default: ${DEFAULT-VALUE}.")
    Duration cacheTtl;

    /** The strategy to use: the flag, else the config's, else the default. */
    String strategy(Config config) {
        return strategy != null ? strategy : config.strategy().orElse(Strategies.DEFAULT);
    }

    /** The config's parameters for the strategy, with the flags' on top. */
    Map<String, Integer> params(Config config) {
        Map<String, Integer> merged = new HashMap<>(config.paramsFor(strategy(config)));
        merged.putAll(params);
        return merged;
    }

    Limits limits() {
        Limits limits = Limits.DEFAULT.withMaxTurns(maxTurns).withMaxWallTime(maxTime).withMaxConsecutiveErrors(maxErrors);
        if (maxTokens != null) {
            limits = limits.withMaxTokens(maxTokens);
        }
        if (maxCost != null) {
            limits = limits.withMaxCostUsd(maxCost);
        }
        return limits;
    }
}
