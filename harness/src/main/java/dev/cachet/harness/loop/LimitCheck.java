package dev.cachet.harness.loop;

import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Which limit, if any, ends a session before its next turn: turns, tokens, cost or wall time. */
record LimitCheck(Limits limits, Ledger ledger, Clock clock) {
    /** @param start when this run of the session began: the wall time counts from there, a resume's included */
    Optional<RunResult> reached(int turn, Instant start) {
        if (turn >= limits.maxTurns()) {
            return stop(StopReason.MAX_TURNS, "reached " + limits.maxTurns() + " turns", turn);
        }
        if (ledger.usage().total() >= limits.maxTokens()) {
            return stop(StopReason.TOKEN_BUDGET,
                    "used " + ledger.usage().total() + " tokens of a budget of " + limits.maxTokens(), turn);
        }
        if (ledger.costUsd() >= limits.maxCostUsd()) {
            return stop(StopReason.COST_BUDGET,
                    String.format("spent $%.4f of a budget of $%.4f", ledger.costUsd(), limits.maxCostUsd()), turn);
        }
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.compareTo(limits.maxWallTime()) >= 0) {
            return stop(StopReason.WALL_TIME,
                    "ran " + elapsed.toSeconds() + "s of a limit of " + limits.maxWallTime().toSeconds() + "s", turn);
        }
        return Optional.empty();
    }

    private Optional<RunResult> stop(StopReason reason, String detail, int turn) {
        return Optional.of(new RunResult(reason, detail, turn, ledger.usage(), ledger.costUsd()));
    }
}
