package dev.cachet.harness.cli;

import dev.cachet.evals.stats.CallList;
import dev.cachet.evals.stats.Calls;
import dev.cachet.evals.stats.SessionStatsCalculator;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.harness.Harness;
import dev.cachet.harness.bench.HeapPeaks;
import dev.cachet.harness.bench.PlainRead;
import dev.cachet.harness.bench.ScratchDir;
import dev.cachet.harness.bench.Timed;
import dev.cachet.harness.stats.SummaryCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"How fast 'cachet stats' reads logs: writes made-up Claude Code and Codex logs of the chosen size "
                + "(long and short sessions, sub-agents' sidechains, compactions) into a temporary directory, reads "
                + "them as stats does for a report by day (which skips sizing the tool results) and by session "
                + "(which sizes them), cold (empty cache) and warm, and prints MB/s, calls/s and peak heap, with the ratio to a plain Jackson "
                + "streaming read of the same bytes (the floor), in wall time and in CPU time ('cpu s': all threads, "
                + "which a busy machine does not inflate; stats reads on --jobs threads, the plain read on one, whose "
                + "CPU time is that thread's). "
                + "Goals: cold within 3x of the plain read, warm < 1 s for 1 GB."})
final class BenchStatsCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "100m", converter = ByteSizeConverter.class,
            description = "How much log to write: bytes, or with k, m, g or t (binary: 1m, 1mb and 1MiB are "
                    + "1,048,576 bytes), at most four fifths of the temporary directory's free space (java.io.tmpdir), "
                    + "which also holds the caches. Default: ${DEFAULT-VALUE}.")
    long size;

    @Mixin
    BenchLogs logs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ScratchDir scratch = ScratchDir.create("cachet-bench-stats")) {
            Path temp = scratch.path();
            BenchLogs.Logs read = logs.files(scratch, size);
            List<Path> files = read.files();
            double mb = read.bytes() / 1e6;
            out.printf(Locale.ROOT, "%d files, %.1f MB, %d jobs%n", files.size(), mb, logs.jobs);
            // Built first, so that reading o200k (on another core since the JVM started) is in neither timing.
            Harness harness = bench.harness();
            HeapPeaks.reset();
            Timed plain = PlainRead.of(files);
            out.printf(Locale.ROOT, "%-20s  %6.2f s  %6.2f cpu s  %7.1f MB/s  peak heap %4d MB%n",
                    "plain streaming read", plain.seconds(), plain.cpuSeconds(), mb / plain.seconds(),
                    HeapPeaks.megabytes());
            // A report by period skips sizing the tool results; one by session sizes them, in a cache of its own.
            for (boolean bySession : List.of(false, true)) {
                SummaryCache cache = new SummaryCache(temp.resolve(bySession ? "session-cache" : "period-cache"));
                for (String phase : List.of("cold", "warm")) {
                    System.gc();
                    HeapPeaks.reset();
                    long[] calls = new long[1];
                    Timed run = Timed.of(() -> calls[0] = stats(harness, read.found(), cache, bySession));
                    out.printf(Locale.ROOT, "%-20s  %6.2f s  %6.2f cpu s  %7.1f MB/s  %9.0f calls/s  peak heap %4d MB  "
                            + "%.1fx the plain read (cpu %.1fx)%n", (bySession ? "session " : "daily ") + phase,
                            run.seconds(), run.cpuSeconds(), mb / run.seconds(), calls[0] / run.seconds(),
                            HeapPeaks.megabytes(), run.seconds() / plain.seconds(),
                            run.cpuSeconds() / plain.cpuSeconds());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * What 'cachet stats' does before it prints: read every file, add every session up, by session (sizing the tool
     * results, adding up each session's figures) or as a report by period does (only the calls, and what each model
     * billed); returns the calls the report counts.
     */
    private long stats(Harness harness, TraceFiles.Found found, SummaryCache cache, boolean bySession) {
        TraceSummaries reader = new TraceSummaries(harness.counter().fresh());
        StatsSource.Loaded loaded = new StatsSource(bySession ? reader : reader.withoutResultSizes(),
                Optional.of(new SummaryLookups(cache)))
                .load(found.files(), found::format, logs.jobs, new ProgressLine(new PrintWriter(Writer.nullWriter()), false));
        SessionStatsCalculator calculator = new SessionStatsCalculator(harness.counter().fresh(), harness.prices()::price);
        Calls calls = new Calls();
        long count = 0;
        for (List<TraceSummary> parts : loaded.sessions()) {
            CallList all = calls.of(parts);
            // A session no call of which recorded its usage is skipped in every view, its calls counted by none.
            count += bySession ? calculator.ofSummaries(parts, all).map(s -> (long) s.calls()).orElse(0L)
                    : calculator.models(all).map(models -> (long) all.size()).orElse(0L);
        }
        return count;
    }
}
