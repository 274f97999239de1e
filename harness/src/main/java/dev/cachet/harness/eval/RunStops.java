package dev.cachet.harness.eval;

import dev.cachet.harness.loop.StopRequest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stop requests of an eval's runs under way: one request (Ctrl-C, SIGTERM) stops them all, and any run that
 * starts after it stops at once.
 */
public final class RunStops {
    private final Set<StopRequest> underWay = ConcurrentHashMap.newKeySet();
    private final AtomicInteger stopped = new AtomicInteger();
    private volatile String why;

    /** A stop request for a run that starts now; {@link #close} it when the run ends. */
    StopRequest open() {
        StopRequest stop = new StopRequest();
        underWay.add(stop);
        String requested = why;
        if (requested != null) {
            stop.request(requested);
        }
        return stop;
    }

    /** @param interrupted whether the request stopped the run */
    void close(StopRequest stop, boolean interrupted) {
        underWay.remove(stop);
        if (interrupted) {
            stopped.incrementAndGet();
        }
    }

    /** How many runs the request stopped. */
    public int stopped() {
        return stopped.get();
    }

    /** Stops every run under way, and every later one; {@code why} is what their stop events say. */
    public synchronized void request(String why) {
        if (this.why == null) {
            this.why = why;
        }
        underWay.forEach(stop -> stop.request(this.why));
    }

    public boolean requested() {
        return why != null;
    }

    /** What the request said, once there was one. */
    public Optional<String> why() {
        return Optional.ofNullable(why);
    }
}
