package dev.cachet.tools.files;

import dev.cachet.tools.ToolException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a tool may go on matching ignore rules in cachet's own process: until its time limit (the command
 * timeout) passes or a stop interrupts it (Ctrl-C, {@code --max-time}). JGit's matcher heeds neither, so rules are
 * matched one at a time with a look here between them.
 */
public final class TimeLimit {
    private final Duration limit;
    private final long deadlineNanos;

    private TimeLimit(Duration limit, long deadlineNanos) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    /** A limit of {@code limit} from now. */
    public static TimeLimit of(Duration limit) {
        return new TimeLimit(limit, System.nanoTime() + limit.toNanos());
    }

    /** The {@link System#nanoTime} after which the work ends. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** @throws ToolException naming what was being done ({@code doing}) if the limit passed or a stop came */
    public void check(Supplier<String> doing) throws ToolException {
        if (Thread.currentThread().isInterrupted()) {
            throw new ToolException("stopped while " + doing.get());
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new ToolException("still " + doing.get() + " after " + shown(limit) + ", the command timeout: rules"
                    + " with several '*' in one name take long against long names, and very many rules add up;"
                    + " simplify them");
        }
    }

    private static String shown(Duration limit) {
        return limit.compareTo(Duration.ofSeconds(1)) < 0 ? limit.toMillis() + "ms" : limit.toSeconds() + "s";
    }
}
