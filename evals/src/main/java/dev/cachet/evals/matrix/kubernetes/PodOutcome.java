package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.evals.matrix.RunRecord;

/** What one pod says about its run so far. */
sealed interface PodOutcome {
    /** Not finished yet: pending, running, or in a state that may still change. */
    record Running() implements PodOutcome {}

    /** Finished with a record: the pod's own, or an errored one for a pod the run's limits killed. */
    record Recorded(RunRecord record) implements PodOutcome {}

    /** Ended without a record, its run not done: evicted, lost, stopped before it started, or cachet crashed. */
    record Lost(String reason) implements PodOutcome {}
}
