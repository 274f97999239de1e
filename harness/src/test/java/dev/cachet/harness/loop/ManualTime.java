package dev.cachet.harness.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A clock, and schedulers on it, whose time moves only when a test moves it: {@link #advance} runs every task that
 * falls due on the way, in time order, on the caller's thread, as if the time had passed.
 */
public final class ManualTime extends Clock {
    private record Task(Instant due, long order, Runnable run) {}

    private final List<Task> tasks = new ArrayList<>();
    private Instant now;
    private long scheduled;
    private boolean lastClosed;

    public ManualTime(Instant start) {
        this.now = start;
    }

    /** Moves time on by {@code elapsed}, running what falls due meanwhile, tasks those tasks schedule too. */
    public void advance(Duration elapsed) {
        Instant end = now.plus(elapsed);
        for (Optional<Task> next = due(end); next.isPresent(); next = due(end)) {
            tasks.remove(next.get());
            now = next.get().due();
            next.get().run().run();
        }
        now = end;
    }

    /** Tasks waiting to run. */
    public int pending() {
        return tasks.size();
    }

    /** Whether the last scheduler handed out was closed. */
    public boolean lastClosed() {
        return lastClosed;
    }

    /** A scheduler on this time, as a session gets one: closing it cancels its own tasks, and it schedules no more. */
    public Scheduler scheduler() {
        lastClosed = false;
        List<Task> own = new ArrayList<>();
        return new Scheduler() {
            private boolean closed;

            @Override
            public Scheduled after(Duration delay, Runnable run) {
                if (closed) {
                    throw new IllegalStateException("scheduled after close");
                }
                Task task = new Task(now.plus(delay), scheduled++, run);
                tasks.add(task);
                own.add(task);
                return () -> tasks.remove(task);
            }

            @Override
            public void close() {
                closed = true;
                lastClosed = true;
                tasks.removeAll(own);
            }
        };
    }

    private Optional<Task> due(Instant end) {
        return tasks.stream().filter(t -> !t.due().isAfter(end))
                .min(Comparator.comparing(Task::due).thenComparingLong(Task::order));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
