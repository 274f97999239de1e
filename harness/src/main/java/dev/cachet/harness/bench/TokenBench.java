package dev.cachet.harness.bench;

import dev.cachet.context.message.ToolResult;
import dev.cachet.evals.trace.TraceFormats;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Times counters of tokens over the same texts. Each round counts every text with a new counter (so no cache is warm
 * from the round before) and the best round counts, timed in the counting thread's CPU time: on a shared machine,
 * other work then slows the figures less than it would wall time.
 */
public final class TokenBench {
    /** @param tokens the sum over the texts, the same for counters that agree */
    public record Timing(long tokens, double cpuSeconds) {}

    private final List<String> texts;

    public TokenBench(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** The contents of every tool result in the trajectories of these files. */
    public static List<String> toolResults(List<Path> files) {
        return files.stream().flatMap(file -> TraceFormats.read(file).stream())
                .flatMap(trajectory -> trajectory.turns().stream())
                .map(TrajectoryTurn::observations).flatMap(List::stream)
                .map(ToolResult::content)
                .toList();
    }

    public int texts() {
        return texts.size();
    }

    /** The texts' size in UTF-8, which MB/s are of. */
    public long bytes() {
        return texts.stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    public Timing time(Supplier<ToIntFunction<String>> counters, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long tokens = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            ToIntFunction<String> counter = counters.get();
            long start = threads.getCurrentThreadCpuTime();
            tokens = 0;
            for (String text : texts) {
                tokens += counter.applyAsInt(text);
            }
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return new Timing(tokens, best / 1e9);
    }
}
