package dev.cachet.evals.report;

import dev.cachet.evals.matrix.RunRecord;
import java.util.List;

/** Eval runs with hand-picked figures, so that reports can be checked to the digit. */
final class EvalFixtures {
    private EvalFixtures() {}

    private static RunRecord run(String task, String strategy, int repeat, boolean solved, double cost,
            String error) {
        return new RunRecord(task, strategy, repeat, solved, 4, 100, 0, 300, 10, cost, 0.75, 1000, 1500,
                error == null ? "done" : "error", "abc", error, "anthropic:claude-sonnet-4-6", false, null);
    }

    /** Two tasks, two strategies, three repeats; hybrid solves t1 twice and t2 once, masking nothing. */
    static List<RunRecord> repeated() {
        return List.of(
                run("t1", "hybrid", 1, true, 0.01, null),
                run("t1", "masking", 1, false, 0.03, null),
                run("t2", "hybrid", 1, false, 0.02, null),
                run("t2", "masking", 1, false, 0.05, "agent: rate limited"),
                run("t1", "hybrid", 2, true, 0.01, null),
                run("t1", "masking", 2, false, 0.03, null),
                run("t2", "hybrid", 2, true, 0.04, null),
                run("t2", "masking", 2, false, 0.05, null),
                run("t1", "hybrid", 3, false, 0.02, null),
                run("t1", "masking", 3, false, 0.04, null),
                run("t2", "hybrid", 3, false, 0.03, null),
                run("t2", "masking", 3, false, 0.06, null));
    }
}
