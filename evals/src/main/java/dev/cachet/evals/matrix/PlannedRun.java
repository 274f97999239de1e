package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.SuiteTask;
import java.util.Objects;

/** One cell of the matrix: a task, under a strategy, for the {@code repeat}-th time (from 1). */
public record PlannedRun(SuiteTask task, String strategy, int repeat) {
    public PlannedRun {
        Objects.requireNonNull(task, "task");
        // The key joins the parts with '/'; task ids cannot hold one, strategies must not either.
        if (strategy == null || strategy.isBlank() || strategy.contains("/")) {
            throw new IllegalArgumentException("not a strategy name: " + strategy);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeats count from 1, not " + repeat);
        }
    }

    /** {@code taskId/strategy/repeat}: names the run in the results file, across restarts and machines. */
    public String key() {
        return key(task.id(), strategy, repeat);
    }

    static String key(String taskId, String strategy, int repeat) {
        return taskId + "/" + strategy + "/" + repeat;
    }

    /** The model this run uses: the task's own, else {@code defaultModel}. */
    public String model(String defaultModel) {
        return task.budget().model().orElse(defaultModel);
    }
}
