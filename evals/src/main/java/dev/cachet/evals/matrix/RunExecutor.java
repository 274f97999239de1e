package dev.cachet.evals.matrix;

/**
 * Executes one planned run wherever runs execute: this machine ({@link LocalExecutor}) or, later, a cluster (see
 * docs/evals-kubernetes.md). The matrix only plans, schedules and records.
 */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Called from up to {@code --jobs} threads at once. A run that fails, whatever the reason, comes back as a
     * record with its error rather than as an exception: one failure must not cost the matrix the other runs.
     */
    RunRecord execute(PlannedRun run);
}
