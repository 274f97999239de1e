package dev.cachet.evals.matrix;

import dev.cachet.evals.matrix.EvalMatrix.Progress;
import java.time.Duration;
import java.util.Optional;

/** Counts finished runs of a plan, those resumed included, into the figures of {@link Progress}. */
final class ProgressTally {
    private final int total;
    private final int jobs;
    private int done;
    private int solved;
    private double costUsd;
    private long wallMs;

    ProgressTally(int total, int jobs) {
        this.total = total;
        this.jobs = jobs;
    }

    void add(RunRecord record) {
        done++;
        solved += record.solved() ? 1 : 0;
        costUsd += record.costUsd();
        wallMs += record.wallMs();
    }

    /** The time left if the remaining runs take as long as the finished ones, {@code jobs} at a time. */
    Progress progress() {
        Optional<Duration> eta = done == 0
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round((double) wallMs / done * (total - done) / jobs)));
        return new Progress(done, total, solved, costUsd, eta);
    }
}
