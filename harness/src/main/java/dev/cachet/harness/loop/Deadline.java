package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import java.time.Duration;

/**
 * The session's wall-time limit as one deadline. Checking it between turns is not enough: a provider that never
 * answers or a command that never ends would outlive it. When it passes, a stop request interrupts whatever the
 * loop is waiting on, as Ctrl-C does, and the session stops for its wall time.
 */
final class Deadline implements AutoCloseable {
    private static final String THREAD_NAME = "cachet-session-deadline";
    // Beyond this a timer is pointless, and far beyond it the nanosecond count overflows.
    private static final Duration NEVER = Duration.ofDays(365);

    private final Scheduler timer;

    private Deadline(Scheduler timer) {
        this.timer = timer;
    }

    static Deadline after(Duration limit, StopRequest stop) {
        Scheduler timer = new ThreadScheduler(THREAD_NAME);
        if (limit.compareTo(NEVER) < 0) {
            String detail = "reached the limit of " + shown(limit) + " of wall time; what was still running was stopped";
            timer.after(limit, () -> stop.request(StopReason.WALL_TIME, detail));
        }
        return new Deadline(timer);
    }

    @Override
    public void close() {
        timer.close();
    }

    private static String shown(Duration limit) {
        return limit.compareTo(Duration.ofSeconds(1)) < 0 ? limit.toMillis() + "ms" : limit.toSeconds() + "s";
    }
}
