package dev.cachet.evals.suite;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The limits of one agent run on a task: {@code timeout} is the wall time of the run, {@code checkTimeout} that of
 * the check command. No model means the caller's default; no cost limit means none.
 */
public record RunBudget(
        Optional<String> model, int maxTurns, OptionalDouble maxCostUsd, Duration timeout, Duration checkTimeout) {

    public static final RunBudget DEFAULT =
            new RunBudget(Optional.empty(), 50, OptionalDouble.empty(), Duration.ofMinutes(30), Duration.ofMinutes(5));
}
