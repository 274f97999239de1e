package dev.cachet.evals.matrix;

import java.util.List;
import java.util.function.Consumer;

/**
 * Executes all of an eval's pending runs at once, somewhere that schedules them itself, and hands each record back
 * as its run finishes, in whatever order they finish. The form of {@link RunExecutor} for a cluster (see
 * docs/evals-kubernetes.md): the matrix still plans, records and reports.
 */
@FunctionalInterface
public interface BatchExecutor {

    /**
     * Returns once no further record will come: every run finished, or the rest cannot finish now (cancelled,
     * detached or lost); those stay missing for a later {@code --resume}.
     *
     * @param pending      the runs not recorded yet, in plan order
     * @param finished     takes each record once, from one thread at a time; a run handed back twice, or one not
     *                     pending, is the executor's bug and fails the eval
     * @param cancellation once cancelled, no further run should start; those under way finish and are handed back
     */
    void executeAll(List<PlannedRun> pending, Consumer<RunRecord> finished, Cancellation cancellation);
}
