package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import java.util.function.Supplier;

/**
 * A request from outside the loop (Ctrl-C, SIGTERM, the session's deadline) that the session stop at its next safe
 * point. While the loop waits on something that may take long, the model's answer or a command, the request also
 * interrupts that wait, and a command's process tree dies with it; a file write in progress is never interrupted.
 */
public final class StopRequest {
    private boolean requested;
    private StopReason reason = StopReason.INTERRUPTED;
    private String why = "";
    private Thread waiting;

    /** Asks the session to stop; {@code why} is what its stop event says. Later requests change nothing. */
    public void request(String why) {
        request(StopReason.INTERRUPTED, why);
    }

    synchronized void request(StopReason reason, String why) {
        if (requested) {
            return;
        }
        requested = true;
        this.reason = reason;
        this.why = why;
        if (waiting != null) {
            waiting.interrupt();
        }
    }

    public synchronized boolean requested() {
        return requested;
    }

    synchronized StopReason reason() {
        return reason;
    }

    public synchronized String why() {
        return why;
    }

    /**
     * Runs a wait that a request may interrupt, at once if the request came first. The interrupt never outlives the
     * wait: a later blocking call, such as a file write, is not cut short by it.
     */
    public <T> T interruptible(Supplier<T> wait) {
        synchronized (this) {
            waiting = Thread.currentThread();
            if (requested) {
                waiting.interrupt();
            }
        }
        try {
            return wait.get();
        } finally {
            synchronized (this) {
                waiting = null;
                Thread.interrupted();
            }
        }
    }
}
