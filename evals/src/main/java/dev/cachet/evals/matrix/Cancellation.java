package dev.cachet.evals.matrix;

/**
 * Asks a matrix to stop starting runs, from any thread (eval's --max-total-cost guard): runs under way finish and
 * are recorded, so a later {@code --resume} starts exactly where this one stopped.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
