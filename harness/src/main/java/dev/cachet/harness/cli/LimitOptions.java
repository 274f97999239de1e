package dev.cachet.harness.cli;

import dev.cachet.providers.session.Limits;
import java.time.Duration;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** When a session must stop although the model has not finished, and how long one command may run. */
final class LimitOptions {
    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "50", converter = AtLeastOneConverter.class,
            description = "Stop after N model turns. Default: ${DEFAULT-VALUE}.")
    int maxTurns;

    @Option(names = "--max-tokens", paramLabel = "N", converter = TokenCountConverter.class,
            description = "Stop once the session has used N tokens (input + output). Default: no limit.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", converter = UsdConverter.class,
            description = "Stop once the session has cost this many US dollars. Default: no limit.")
    Double maxCost;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "Stop after this much wall time (90s, 30m, 2h). Default: ${DEFAULT-VALUE}.")
    Duration maxTime;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "5", converter = AtLeastOneConverter.class,
            description = "Stop after N tool calls in a row fail. Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Kill a command the agent runs after this long. Default: ${DEFAULT-VALUE}.")
    Duration commandTimeout;

    /** {@code base}, a resumed session's limits, changed by the flags that were given. */
    Limits over(Limits base, Predicate<String> given) {
        Limits limits = base;
        if (given.test("--max-turns")) {
            limits = limits.withMaxTurns(maxTurns);
        }
        if (given.test("--max-tokens")) {
            limits = limits.withMaxTokens(maxTokens);
        }
        if (given.test("--max-cost")) {
            limits = limits.withMaxCostUsd(maxCost);
        }
        if (given.test("--max-time")) {
            limits = limits.withMaxWallTime(maxTime);
        }
        if (given.test("--max-errors")) {
            limits = limits.withMaxConsecutiveErrors(maxErrors);
        }
        return limits;
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
