package dev.cachet.evals.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.evals.trace.JsonFiles;
import dev.cachet.evals.trace.LargestFirst;
import dev.cachet.evals.trace.NoCallsException;
import dev.cachet.evals.trace.TraceFormatException;
import dev.cachet.evals.trace.Trajectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Replays many trajectory files under several strategies, {@code jobs} files at a time, the largest first. A file
 * that cannot be read is reported and skipped, so one truncated log does not cost the report on the others, and a line
 * an unclean shutdown cut is reported and left out, so it does not cost the rest of its log. Runs
 * come back in the order of the files, whatever order the jobs finish in, each call billed in one file only
 * ({@link BilledOnce}).
 */
public final class ReplayBatch {
    private final TokenCounter counter;
    private final Billing billing;
    private final List<ConfiguredStrategy> strategies;
    private final Function<Path, List<Trajectory>> reader;
    private final ReplayTiming timing;

    /**
     * What the batch produced: the runs, the files it skipped with why, the logs that hold no model call yet
     * ({@link NoCallsException}), the traces that share calls with another, with
     * where those are billed, notes on how traces were billed (without the calls their log has no bill for yet, or a
     * model at another's price), and how many windows the strategies rendered, every call's of the transcript among
     * them, whether or not the runs bill them.
     */
    public record Outcome(List<ReplayRun> runs, List<String> failures, List<Path> withoutCalls, List<String> shared,
            List<String> notes, long windows, long transcriptWindows) {
        public Outcome {
            runs = List.copyOf(runs);
            failures = List.copyOf(failures);
            withoutCalls = List.copyOf(withoutCalls);
            shared = List.copyOf(shared);
            notes = List.copyOf(notes);
        }
    }

    /** One file done: how many of how many, the file, and how long it took to read and to replay. */
    public record Progress(int done, int total, Path file, Duration reading, Duration replaying) {}

    /**
     * One file's runs, and its trajectories' calls.
     *
     * @param leftOut why lines of the file were left out, where some were (see {@link JsonFiles#leavingOutCutLines})
     * @param notes   how its trajectories were billed, where that is worth saying (see {@link Outcome#notes}), by
     *                trajectory: a trajectory whose calls are all billed in another is not reported, nor its notes
     */
    private record FileRuns(List<ReplayRun> runs, Map<String, BilledOnce.TraceCalls> calls, Optional<String> leftOut,
            Map<String, List<String>> notes) {
        static final FileRuns NONE = new FileRuns(List.of(), Map.of(), Optional.empty(), Map.of());
    }

    /** @param counter counts tokens; each file counts with a fresh copy, so no file keeps another's counts alive */
    public ReplayBatch(TokenCounter counter, Billing billing, List<ConfiguredStrategy> strategies,
            Function<Path, List<Trajectory>> reader, ReplayTiming timing) {
        this.counter = counter;
        this.billing = billing;
        this.strategies = List.copyOf(strategies);
        this.reader = reader;
        this.timing = timing;
    }

    public Outcome run(List<Path> files, int jobs, Consumer<Progress> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, files.size())));
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<FileRuns> byFile = new ArrayList<>(Collections.nCopies(files.size(), FileRuns.NONE));
            String[] failures = new String[files.size()];
            boolean[] withoutCalls = new boolean[files.size()];
            long[][] nanos = new long[files.size()][2];
            for (int index : LargestFirst.order(files)) {
                done.submit(() -> {
                    try {
                        FileRuns replayed = replay(files.get(index), nanos[index]);
                        byFile.set(index, replayed);
                        failures[index] = replayed.leftOut().orElse(null);
                    } catch (NoCallsException e) {
                        withoutCalls[index] = true;
                    } catch (TraceFormatException e) {
                        failures[index] = e.getMessage();
                    } catch (RuntimeException e) {
                        // One odd file must not cost the report on the others; the message names it.
                        failures[index] = files.get(index) + ": cannot replay: " + e;
                    }
                    return index;
                });
            }
            for (int finished = 1; finished <= files.size(); finished++) {
                int index = await(done);
                progress.accept(new Progress(finished, files.size(), files.get(index), Duration.ofNanos(nanos[index][0]),
                        Duration.ofNanos(nanos[index][1])));
            }
            List<ReplayRun> rendered = byFile.stream().flatMap(file -> file.runs().stream()).toList();
            BilledOnce billed = BilledOnce.of(byFile.stream().map(FileRuns::calls).toList());
            List<ReplayRun> reported = rendered.stream().flatMap(run -> billed.billed(run).stream()).toList();
            Set<String> reportedTraces = reported.stream().map(ReplayRun::trace).collect(Collectors.toSet());
            return new Outcome(reported, Arrays.stream(failures).filter(Objects::nonNull).toList(),
                    IntStream.range(0, files.size()).filter(i -> withoutCalls[i]).mapToObj(files::get).toList(),
                    billed.shared(),
                    byFile.stream().flatMap(file -> file.notes().entrySet().stream())
                            .filter(notes -> reportedTraces.contains(notes.getKey()))
                            .flatMap(notes -> notes.getValue().stream()).toList(),
                    windows(rendered, run -> !run.strategy().equals(CounterfactualReplay.RECORDED)),
                    windows(rendered, run -> run.strategy().equals(TranscriptStrategy.NAME)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The turns of the runs {@code counted} takes (a recorded bill's are no windows). */
    private static long windows(List<ReplayRun> runs, Predicate<ReplayRun> counted) {
        return runs.stream().filter(counted).mapToLong(run -> run.turns().size()).sum();
    }

    private static int await(CompletionService<Integer> done) {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }

    /**
     * The file's runs and its calls' ids; {@code nanos} gets the time spent reading it and the time spent replaying
     * it.
     */
    private FileRuns replay(Path file, long[] nanos) {
        // Counts per file: the strategies and counters of its trajectories share them, and they are freed with it.
        CounterfactualReplay replay = new CounterfactualReplay(counter.fresh(), billing,
                timing);
        long start = System.nanoTime();
        JsonFiles.Read<List<Trajectory>> read = JsonFiles.leavingOutCutLines(() -> reader.apply(file));
        List<Trajectory> trajectories = new ArrayList<>();
        Map<String, List<String>> notesByTrace = new LinkedHashMap<>();
        for (Trajectory logged : read.value()) {
            Trajectory billed = logged.withoutUnbilledTail();
            List<String> notes = notesByTrace.computeIfAbsent(logged.id(), id -> new ArrayList<>());
            int left = logged.turns().size() - billed.turns().size();
            if (left > 0) {
                notes.add(logged.id() + ": " + (left == 1 ? "its last call has" : "its last " + left
                        + " calls have") + " no bill in the log (not yet written, or not logged); replayed without "
                        + (left == 1 ? "it" : "them") + ", against the bill of the " + billed.turns().size() + " before");
            }
            billing.pricedAsAnother(billed).forEach((model, as) -> notes.add(logged.id() + ": model " + model
                    + " has no price; billed at " + as + "'s, its bill too (--model)"));
            trajectories.add(billed);
        }
        long readAt = System.nanoTime();
        nanos[0] = readAt - start;
        List<ReplayRun> runs = new ArrayList<>();
        for (Trajectory trajectory : trajectories) {
            runs.addAll(replay.replay(trajectory, strategies));
        }
        nanos[1] = System.nanoTime() - readAt;
        return new FileRuns(runs, BilledOnce.callsOf(trajectories), read.leftOut(), notesByTrace);
    }
}
