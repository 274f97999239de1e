package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.SuiteTask;
import java.util.Objects;

/**
 * One cell of the matrix: a task, under a strategy, with or without a plan first, for the {@code repeat}-th time
 * (from 1).
 */
public record PlannedRun(SuiteTask task, String strategy, int repeat, boolean plan) {
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

    /** A run without a plan first. */
    public PlannedRun(SuiteTask task, String strategy, int repeat) {
        this(task, strategy, repeat, false);
    }

    /**
     * {@code taskId/strategy/repeat}, the strategy as {@code strategy+plan} where the agent plans first: names the
     * run in the results file, across restarts and machines; runs without a plan keep the keys they always had.
     */
    public String key() {
        return key(task.id(), strategy, plan, repeat);
    }

    /** What the run compares as in reports: its strategy, and "+plan" where the agent plans first. */
    public String arm() {
        return arm(strategy, plan);
    }

    public static String key(String taskId, String strategy, boolean plan, int repeat) {
        return taskId + "/" + arm(strategy, plan) + "/" + repeat;
    }

    static String arm(String strategy, boolean plan) {
        return plan ? strategy + "+plan" : strategy;
    }

    /** The model this run uses: the task's own, else {@code defaultModel}. */
    public String model(String defaultModel) {
        return task.budget().model().orElse(defaultModel);
    }
}
