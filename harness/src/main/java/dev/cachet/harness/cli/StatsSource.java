package dev.cachet.harness.cli;

import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.JsonFiles;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.NoCallsException;
import dev.cachet.evals.trace.TraceFormatException;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.harness.stats.SummaryCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@code stats} reads: the summary of every file, from the cache where the file is unchanged, read on where it
 * only grew, read by {@code jobs} threads otherwise; merged in the order of the files, so the result is the same for
 * any number of jobs and any state of the cache.
 */
final class StatsSource {
    /**
     * @param sessions each session's parts (a sub-agent's transcript beside its parent's is part of the parent's
     *                 session), sessions in the order their first part was read
     * @param failures one line per file that could not be read, naming it
     */
    record Loaded(List<List<TraceSummary>> sessions, List<String> failures) {}

    /**
     * How one file was read: its summaries, without the reader's state to resume from (kept in the cache only), which
     * for a Claude Code log holds every call's and tool call's id and would wait here until the file's turn.
     */
    private record Read(List<TraceSummary> summaries, Optional<String> failure) {}

    private final TraceSummaries reader;
    private final Optional<SummaryLookups> cache;

    StatsSource(TraceSummaries reader, Optional<SummaryLookups> cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /**
     * Reads {@code files} on {@code jobs} threads, showing progress in file order; {@code formats} gives each file's
     * format ({@link TraceFiles.Found#format}), asked only of files the cache does not hold.
     */
    Loaded load(List<Path> files, Function<Path, TraceFormat> formats, int jobs, ProgressLine progress) {
        BiFunction<Path, TraceSummary, TraceSummary> names = TraceNames.summaryNamer(files);
        Map<String, List<TraceSummary>> bySession = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = jobs > 1 ? Executors.newFixedThreadPool(jobs, StatsSource::daemon) : null;
        try {
            List<Future<Read>> reads = new ArrayList<>();
            if (pool != null) {
                // In file order, as they are merged and shown: progress moves with them.
                files.forEach(file -> reads.add(pool.submit(() -> read(file, formats))));
            }
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Read read = pool == null ? read(file, formats) : join(reads.get(i));
                if (pool != null) {
                    reads.set(i, null); // each file's summary is held once, in the sessions
                }
                read.failure().ifPresent(failures::add);
                read.summaries().forEach(part -> {
                    TraceSummary named = names.apply(file, part);
                    bySession.computeIfAbsent(named.format() + " " + named.session(), s -> new ArrayList<>())
                            .add(named);
                });
                progress.show(i + 1, files.size(), file.getFileName().toString());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            cache.ifPresent(SummaryLookups::forget);
        }
        progress.finish();
        return new Loaded(List.copyOf(bySession.values()), failures);
    }

    private Read read(Path file, Function<Path, TraceFormat> formats) {
        try {
            JsonFiles.Read<List<TraceSummary>> read = summaries(file, formats);
            return new Read(read.value(), read.leftOut());
        } catch (NoCallsException e) {
            // A session opened and left: nothing to report, and nothing wrong.
            return new Read(List.of(), Optional.empty());
        } catch (TraceFormatException e) {
            return new Read(List.of(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            // One odd file must not cost the report on the others; the message names it.
            return new Read(List.of(), Optional.of(file + ": cannot read: " + e));
        }
    }

    /**
     * The file's summaries, and why lines were left out where some were ({@link JsonFiles#leavingOutCutLines}): such a
     * log is not cached, so that every report that reads it says so.
     */
    private JsonFiles.Read<List<TraceSummary>> summaries(Path file, Function<Path, TraceFormat> formats) {
        if (cache.isEmpty()) {
            return summariesOf(JsonFiles.leavingOutCutLines(() -> reader.read(file, formats.apply(file))));
        }
        SummaryLookups.Looked looked = cache.get().lookup(file);
        if (looked.lookup() instanceof SummaryCache.Hit hit && reader.serves(hit.summaries())) {
            return new JsonFiles.Read<>(hit.summaries(), Optional.empty());
        }
        Optional<FileSummary.Resume> from = looked.lookup() instanceof SummaryCache.Grown grown
                ? Optional.of(grown.resume()) : Optional.empty();
        TraceFormat format = formats.apply(file);
        JsonFiles.Read<FileSummary> read = JsonFiles.leavingOutCutLines(() -> reader.read(file, format, from));
        if (read.leftOut().isEmpty()) {
            cache.get().store(file, looked.key(), format, read.value());
        }
        return summariesOf(read);
    }

    private static JsonFiles.Read<List<TraceSummary>> summariesOf(JsonFiles.Read<FileSummary> read) {
        return new JsonFiles.Read<>(read.value().summaries(), read.leftOut());
    }

    private static Read join(Future<Read> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading logs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "stats-reader");
        thread.setDaemon(true);
        return thread;
    }
}
