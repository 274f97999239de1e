package dev.cachet.harness.bench;

/** Wall time, and the CPU time of all the process's threads (what others on a shared machine do not inflate). */
public record Timed(double seconds, double cpuSeconds) {
    public static Timed of(Runnable work) {
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        work.run();
        return new Timed((System.nanoTime() - start) / 1e9, (ProcessCpu.nanos() - cpu) / 1e9);
    }
}
