package dev.cachet.harness.loop;

import dev.cachet.context.Counted;
import dev.cachet.context.window.Window;
import dev.cachet.providers.KeepAlive;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.KeepAliveCost;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the session's cached prefix alive through its idle stretches: every {@code interval} (inside the cache's
 * TTL) a ping sends the last request again for one output token, at most {@code maxPings} per stretch, and only while
 * the cost model says the pings cost less than the rewrite they save ({@link KeepAliveCost}). Each ping is charged
 * to the ledger and reported. One request at a time: pings run only while the session idles, and an idle stretch
 * ends only once a ping in flight has returned, so a ping never overlaps a real call.
 */
public final class CacheKeepAlive implements Idling, AutoCloseable {
    private final KeepAlive model;
    private final int maxPings;
    private final Duration interval;
    private final KeepAliveCost cost;
    private final Ledger ledger;
    private final SessionListener listener;
    private final Scheduler scheduler;

    private int lastTurn;
    private Window lastWindow;
    private Optional<Usage> lastUsage = Optional.empty();
    // Counts idle stretches, so that a ping scheduled in one never runs in a later one.
    private int stretch;
    private boolean idle;
    private boolean closed;
    private boolean toldUnpaid;
    private Scheduler.Scheduled next = Scheduler.Scheduled.NONE;

    /** @param maxPings pings per idle stretch at most, 1 or more */
    public CacheKeepAlive(KeepAlive model, int maxPings, Duration interval, KeepAliveCost cost, Ledger ledger,
            SessionListener listener, Scheduler scheduler) {
        if (maxPings < 1) {
            throw new IllegalArgumentException("a keep-alive needs at least 1 ping per idle stretch, got " + maxPings);
        }
        this.model = model;
        this.maxPings = maxPings;
        this.interval = interval;
        this.cost = cost;
        this.ledger = ledger;
        this.listener = listener;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void sent(int turn, Window window, Optional<Usage> usage) {
        lastTurn = turn;
        lastWindow = window;
        lastUsage = usage;
    }

    @Override
    public <T> T whileIdle(Supplier<T> wait) {
        idle();
        try {
            return wait.get();
        } finally {
            busy();
        }
    }

    private synchronized void idle() {
        // Without a request sent, or without its bill, there is nothing to keep alive or no way to tell if it pays.
        if (closed || lastWindow == null || lastUsage.isEmpty()) {
            return;
        }
        idle = true;
        int current = ++stretch;
        next = scheduler.after(interval, () -> ping(current, 1));
    }

    // Waits for a ping in flight: it holds this lock while it runs.
    private synchronized void busy() {
        idle = false;
        next.cancel();
    }

    private synchronized void ping(int ofStretch, int number) {
        if (closed || !idle || ofStretch != stretch) {
            return;
        }
        Usage last = lastUsage.orElseThrow();
        if (!cost.pays(last, number)) {
            tellUnpaid(last, number);
            return;
        }
        ModelResponse response;
        try {
            response = model.ping(lastWindow);
        } catch (RuntimeException e) {
            // Nobody waits on this thread to hear of a failure: the session hears of it, and goes on without pings.
            listener.on(new SessionEvent.Warned("keep-alive ping failed: " + e.getMessage()
                    + "; no more pings until the session goes on"));
            return;
        }
        double costUsd = ledger.chargePing(response.usage());
        listener.on(new SessionEvent.Pinged(lastTurn, number, response.usage().orElse(null), costUsd));
        if (number < maxPings) {
            next = scheduler.after(interval, () -> ping(ofStretch, number + 1));
        }
    }

    private void tellUnpaid(Usage last, int number) {
        if (toldUnpaid) {
            return;
        }
        toldUnpaid = true;
        listener.on(new SessionEvent.Warned(String.format(Locale.ROOT, "keep-alive: no ping %d after turn %d: %s at $%.4f "
                        + "would cost more than writing the cached prefix again ($%.4f)", number, lastTurn,
                Counted.of(number, "ping"), cost.ping(last), cost.expiry(last))));
    }

    /** No ping runs after: the session has ended. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            next.cancel();
        }
        scheduler.close();
    }
}
