package dev.cachet.providers.session;

import java.time.Duration;

/**
 * When a session must stop even though the model has not finished. Token and cost budgets are checked before each
 * model call, so a session overshoots them by at most one turn.
 */
public record Limits(
        int maxTurns,
        long maxTokens,
        double maxCostUsd,
        Duration maxWallTime,
        int maxRepeatedActions,
        int maxConsecutiveErrors) {

    public static final Limits DEFAULT = new Limits(50, Long.MAX_VALUE, Double.POSITIVE_INFINITY, Duration.ofMinutes(30), 3, 5);

    public Limits {
        requireAtLeastOne("max turns", maxTurns);
        requireAtLeastOne("max tokens", maxTokens);
        requireAtLeastOne("repeated actions", maxRepeatedActions);
        requireAtLeastOne("consecutive errors", maxConsecutiveErrors);
        if (!(maxCostUsd > 0)) {
            throw new IllegalArgumentException("max cost must be above 0, got " + maxCostUsd);
        }
        if (maxWallTime.isNegative() || maxWallTime.isZero()) {
            throw new IllegalArgumentException("max wall time must be positive, got " + maxWallTime);
        }
    }

    public Limits withMaxTurns(int turns) {
        return new Limits(turns, maxTokens, maxCostUsd, maxWallTime, maxRepeatedActions, maxConsecutiveErrors);
    }

    public Limits withMaxTokens(long tokens) {
        return new Limits(maxTurns, tokens, maxCostUsd, maxWallTime, maxRepeatedActions, maxConsecutiveErrors);
    }

    public Limits withMaxCostUsd(double cost) {
        return new Limits(maxTurns, maxTokens, cost, maxWallTime, maxRepeatedActions, maxConsecutiveErrors);
    }

    public Limits withMaxWallTime(Duration wallTime) {
        return new Limits(maxTurns, maxTokens, maxCostUsd, wallTime, maxRepeatedActions, maxConsecutiveErrors);
    }

    public Limits withMaxConsecutiveErrors(int errors) {
        return new Limits(maxTurns, maxTokens, maxCostUsd, maxWallTime, maxRepeatedActions, errors);
    }

    private static void requireAtLeastOne(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }
}
