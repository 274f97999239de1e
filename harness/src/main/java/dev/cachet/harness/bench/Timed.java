package dev.cachet.harness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/** Wall time, and CPU time (what others on a shared machine do not inflate). */
public record Timed(double seconds, double cpuSeconds) {
    /** Work on any number of threads: the CPU time of all the process's threads. */
    public static Timed of(Runnable work) {
        return of(work, ProcessCpu::nanos);
    }

    /**
     * Work on the calling thread alone: that thread's CPU time, to the nanosecond. The process's is counted in clock
     * ticks, which a small piece of work can fall between (0 s, and a ratio to it of infinity).
     */
    public static Timed onThisThread(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return of(work, threads::getCurrentThreadCpuTime);
    }

    private static Timed of(Runnable work, LongSupplier cpuNanos) {
        long cpu = cpuNanos.getAsLong();
        long start = System.nanoTime();
        work.run();
        return new Timed((System.nanoTime() - start) / 1e9, (cpuNanos.getAsLong() - cpu) / 1e9);
    }
}
