package dev.cachet.harness.bench;

import dev.cachet.evals.replay.ReplayBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Times one replay of many files under several strategies, as {@code cachet replay} runs it, and its peak heap. */
public final class ReplayBench {
    private final ReplayBatch batch;

    public ReplayBench(ReplayBatch batch) {
        this.batch = batch;
    }

    /**
     * One timed replay.
     *
     * @param windows   windows rendered and billed: one per model call per strategy
     * @param calls     model calls of the traces replayed
     * @param cpuSeconds the process's CPU time over the run, all threads: what a busy machine does not inflate
     * @param reading   time spent reading the files, summed over the jobs
     * @param replaying time spent replaying them, summed over the jobs
     * @param failures  files that could not be replayed, with why
     */
    public record Result(long windows, long calls, double seconds, double cpuSeconds, long peakHeapMb, Duration reading,
            Duration replaying, List<String> failures) {
        public double windowsPerSecond() {
            return windows / seconds;
        }

        public double callsPerSecond() {
            return calls / seconds;
        }

        /** The share of the jobs' busy time spent reading; the rest went to replaying. */
        public double readingShare() {
            long busy = reading.plus(replaying).toNanos();
            return busy == 0 ? 0 : (double) reading.toNanos() / busy;
        }
    }

    public Result run(List<Path> files, int jobs) {
        System.gc();
        HeapPeaks.reset();
        Duration[] busy = {Duration.ZERO, Duration.ZERO};
        ReplayBatch.Outcome[] outcome = new ReplayBatch.Outcome[1];
        Timed timed = Timed.of(() -> outcome[0] = batch.run(files, jobs, done -> {
            busy[0] = busy[0].plus(done.reading());
            busy[1] = busy[1].plus(done.replaying());
        }));
        return new Result(outcome[0].windows(), outcome[0].transcriptWindows(), timed.seconds(), timed.cpuSeconds(),
                HeapPeaks.megabytes(), busy[0], busy[1], outcome[0].failures());
    }
}
