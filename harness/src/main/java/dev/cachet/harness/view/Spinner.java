package dev.cachet.harness.view;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A spinner with the time elapsed, on the screen's status line, while the session waits on the model or a command.
 * It draws only on a terminal (the screen ignores status lines elsewhere), and there only from a timer's thread.
 */
public final class Spinner {
    private static final String FRAMES = "|/-\\";
    static final Duration PERIOD = Duration.ofMillis(100);

    /** Runs a task every period until the handle it returns is closed. */
    @FunctionalInterface
    public interface Timer {
        Runnable every(Duration period, Runnable task);

        /** A timer on a daemon thread of its own, started with the first spinner, so it never holds the JVM up. */
        static Timer daemon() {
            ScheduledExecutorService[] executor = new ScheduledExecutorService[1];
            return (period, task) -> {
                synchronized (executor) {
                    if (executor[0] == null) {
                        executor[0] = Executors.newSingleThreadScheduledExecutor(runnable -> {
                            Thread thread = new Thread(runnable, "cachet-spinner");
                            thread.setDaemon(true);
                            return thread;
                        });
                    }
                }
                ScheduledFuture<?> future = executor[0].scheduleAtFixedRate(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            };
        }

        /** No timer at all: off a terminal nothing is drawn, so nothing needs to run. */
        Timer NONE = (period, task) -> () -> {};
    }

    private final Screen screen;
    private final Style style;
    private final LongSupplier nanos;
    private final Timer timer;
    private String label = "";
    private long start;
    private int frame;
    private Runnable running;

    public Spinner(Screen screen, Style style, LongSupplier nanos, Timer timer) {
        this.screen = screen;
        this.style = style;
        this.nanos = nanos;
        this.timer = timer;
    }

    /** Starts spinning with {@code label}, or goes on with a new label and a fresh clock. */
    public synchronized void start(String label) {
        this.label = label;
        this.start = nanos.getAsLong();
        this.frame = 0;
        if (running == null) {
            running = timer.every(PERIOD, this::tick);
        }
    }

    public synchronized void stop() {
        if (running != null) {
            running.run();
            running = null;
            screen.clearStatus();
        }
    }

    /** Draws the next frame. */
    synchronized void tick() {
        if (running != null) {
            screen.status(style.cyan(String.valueOf(FRAMES.charAt(frame++ % FRAMES.length()))) + " " + label + " "
                    + style.dim(elapsed(nanos.getAsLong() - start)));
        }
    }

    static String elapsed(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
