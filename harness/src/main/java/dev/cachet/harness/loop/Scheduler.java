package dev.cachet.harness.loop;

import java.time.Duration;

/** Runs a task once after a delay, off the caller's thread; tests move time by hand instead of waiting. */
public interface Scheduler extends AutoCloseable {
    /** Runs {@code task} after {@code delay} unless cancelled first. */
    Scheduled after(Duration delay, Runnable task);

    /** Cancels what is scheduled; nothing runs after. */
    @Override
    void close();

    /** A task waiting to run. */
    @FunctionalInterface
    interface Scheduled {
        Scheduled NONE = () -> { };

        /** The task will not start; one already running finishes. */
        void cancel();
    }
}
