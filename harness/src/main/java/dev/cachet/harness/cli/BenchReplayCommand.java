package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.evals.replay.ReplayBatch;
import dev.cachet.evals.replay.ReplayTiming;
import dev.cachet.harness.Harness;
import dev.cachet.harness.bench.PlainRead;
import dev.cachet.harness.bench.ReplayBench;
import dev.cachet.harness.bench.ScratchDir;
import dev.cachet.harness.bench.Timed;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"How fast 'cachet replay' is: writes made-up Claude Code and Codex logs of the chosen size (long "
                + "and short sessions, sub-agents' sidechains, compactions) into a temporary directory, or takes the "
                + "logs in --logs DIR, and replays them under the five strategies twice in one JVM: cold (the first "
                + "run, code not yet compiled) and warm. Prints windows (one per call per strategy), windows/s, calls/s, MB/s, peak heap, "
                + "the share of the jobs' time spent reading the logs against replaying them, and the ratio to a plain "
                + "Jackson streaming read of the same bytes (the floor, on one thread, read after the replays); 'cpu s' "
                + "is the CPU time of all threads (the plain read's, its thread's), which a busy machine does not "
                + "inflate. Goal: "
                + "5,000 windows/s on 2 cores."})
final class BenchReplayCommand implements Callable<Integer> {
    static final double GOAL_WINDOWS_PER_SECOND = 5_000;

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "10m", converter = ByteSizeConverter.class,
            description = "How much log to write: bytes, or with k, m, g or t (binary: 1m, 1mb and 1MiB are "
                    + "1,048,576 bytes), at most four fifths of the temporary directory's free space (java.io.tmpdir). "
                    + "Default: ${DEFAULT-VALUE}.")
    long size;

    @Mixin
    BenchLogs logs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ScratchDir temp = ScratchDir.create("cachet-bench-replay")) {
            BenchLogs.Logs read = logs.files(temp, size);
            List<Path> files = read.files();
            List<StrategyInfo> strategies = Strategies.all();
            out.printf(Locale.ROOT, "%d files, %.1f MB, %d strategies, %d jobs%n", files.size(), read.bytes() / 1e6,
                    strategies.size(), logs.jobs);
            out.printf(Locale.ROOT, "%-12s %9s %8s %8s %10s %8s %7s %10s %8s %10s%n", "run", "windows", "seconds", "cpu s",
                    "windows/s", "calls/s", "MB/s", "peak heap", "reading", "replaying");
            ReplayBench replay = new ReplayBench(batch(bench.harness(), strategies, files));
            List<ReplayBench.Result> runs = new ArrayList<>();
            for (String phase : List.of("replay cold", "replay warm")) {
                ReplayBench.Result run = replay.run(files, logs.jobs);
                runs.add(run);
                out.printf(Locale.ROOT, "%-12s %,9d %8.2f %8.2f %,10.0f %,8.0f %7.1f %7d MB %7.0f%% %9.0f%%%n", phase,
                        run.windows(), run.seconds(), run.cpuSeconds(), run.windowsPerSecond(), run.callsPerSecond(),
                        read.bytes() / 1e6 / run.seconds(), run.peakHeapMb(), 100 * run.readingShare(),
                        100 * (1 - run.readingShare()));
                if (phase.endsWith("cold")) {
                    out.printf(Locale.ROOT, "  (cold run done %.2f s after the JVM started)%n",
                            ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                }
            }
            // After the replays, so that the cold one is not run on a parser the plain read had compiled.
            Timed plain = PlainRead.of(files);
            out.printf(Locale.ROOT, "plain streaming read of the same bytes (one thread): %.2f s, %.2f cpu s, %.1f MB/s; "
                    + "replay cold %.1fx its time (cpu %.1fx), warm %.1fx (cpu %.1fx)%n", plain.seconds(),
                    plain.cpuSeconds(), read.bytes() / 1e6 / plain.seconds(), runs.get(0).seconds() / plain.seconds(),
                    runs.get(0).cpuSeconds() / plain.cpuSeconds(), runs.get(1).seconds() / plain.seconds(),
                    runs.get(1).cpuSeconds() / plain.cpuSeconds());
            ReplayBench.Result run = runs.get(1);
            run.failures().forEach(failure -> spec.commandLine().getErr().println("skipped " + failure));
            out.printf(Locale.ROOT, "goal %,.0f windows/s (warm): %s%n", GOAL_WINDOWS_PER_SECOND,
                    run.windowsPerSecond() >= GOAL_WINDOWS_PER_SECOND ? "met" : "MISSED");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** What 'cachet replay' runs with its defaults: every strategy, billed as each log's model or the default one. */
    private static ReplayBatch batch(Harness harness, List<StrategyInfo> strategies, List<Path> files) {
        return new ReplayBatch(harness.counter(), harness.traceBilling(harness.priced(ModelOptions.defaults())),
                strategies.stream().map(info -> harness.strategy(info.name(), Map.of())).toList(),
                TraceNames.reader(files), ReplayTiming.RECORDED);
    }
}
