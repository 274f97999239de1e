package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The session's wall-time limit as one deadline. Checking it between turns is not enough: a provider that never
 * answers or a command that never ends would outlive it. When it passes, a stop request interrupts whatever the
 * loop is waiting on, as Ctrl-C does, and the session stops for its wall time.
 */
final class Deadline implements AutoCloseable {
    private static final String THREAD_NAME = "cachet-session-deadline";
    // Beyond this a timer is pointless, and far beyond it the nanosecond count overflows.
    private static final Duration NEVER = Duration.ofDays(365);

    private final ScheduledExecutorService timer;

    private Deadline(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Deadline after(Duration limit, StopRequest stop) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        if (limit.compareTo(NEVER) < 0) {
            String detail = "reached the limit of " + shown(limit) + " of wall time; what was still running was stopped";
            timer.schedule(() -> stop.request(StopReason.WALL_TIME, detail), limit.toNanos(), TimeUnit.NANOSECONDS);
        }
        return new Deadline(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static String shown(Duration limit) {
        return limit.compareTo(Duration.ofSeconds(1)) < 0 ? limit.toMillis() + "ms" : limit.toSeconds() + "s";
    }
}
