package dev.cachet.harness.cli;

import dev.cachet.evals.trace.ClaudeCodeFormat;
import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceFormatException;
import dev.cachet.evals.trace.TraceFormats;
import dev.cachet.harness.stats.SummaryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the summary cache holds of the logs {@code stats} reads, each looked up once: a lookup made while the logs are
 * found, to know a cached log's format without reading its head, is kept for the read that takes it.
 */
final class SummaryLookups {
    /** A log's key when it was looked up, and what the cache held for it. */
    record Looked(SummaryCache.Key key, SummaryCache.Lookup lookup) {}

    private final SummaryCache cache;
    private final Map<Path, Looked> kept = new ConcurrentHashMap<>();

    SummaryLookups(SummaryCache cache) {
        this.cache = cache;
    }

    /**
     * The format a log was read in, where the cache holds it as it is now; the lookup is kept for {@link #lookup}.
     * Empty where the cache holds no such log, or the log cannot be looked at (its detection says why).
     */
    Optional<TraceFormat> format(Path file) {
        try {
            Looked looked = look(file);
            kept.put(file, looked);
            return looked.lookup() instanceof SummaryCache.Hit hit ? TraceFormats.labelled(hit.format())
                    : Optional.empty();
        } catch (TraceFormatException e) {
            return Optional.empty();
        }
    }

    /** The lookup {@link #format} kept for the log, else one made now. */
    Looked lookup(Path file) {
        Looked looked = kept.remove(file);
        return looked != null ? looked : look(file);
    }

    void store(Path file, SummaryCache.Key key, TraceFormat format, FileSummary summary) {
        cache.store(file, key, format.label(), summary);
    }

    /** Drops the lookups no read took (of logs left out of the report), and the summaries they hold. */
    void forget() {
        kept.clear();
    }

    private Looked look(Path file) {
        SummaryCache.Key key = key(file);
        return new Looked(key, cache.lookup(file, key));
    }

    /**
     * The file's size and time before it is read: if it grows meanwhile, the next run reads on from where this
     * stopped. A Claude Code sub-agent's transcript ({@code <session>/subagents/agent-<id>.jsonl}) takes its type from
     * its parent session's log, so it counts as changed when that log changes, appears or goes, whatever its time (a
     * copy that keeps times may bring an older parent after its sub-agents). A parent's log reads the sub-agents that
     * have no log of their own from its progress lines, so it counts as changed when one of those logs appears or goes.
     */
    static SummaryCache.Key key(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            Optional<Path> parent = ClaudeCodeFormat.parentLog(file);
            long context;
            if (parent.isPresent()) {
                BasicFileAttributes read = Files.readAttributes(parent.get(), BasicFileAttributes.class);
                // Never 0, which stands for no parent.
                context = 31 * read.size() + read.lastModifiedTime().to(TimeUnit.NANOSECONDS) | 1;
            } else {
                List<String> ownLogs = ClaudeCodeFormat.subAgentLogs(file);
                context = ownLogs.isEmpty() ? 0 : ownLogs.hashCode() | 1;
            }
            return new SummaryCache.Key(attributes.size(), modified, context);
        } catch (IOException e) {
            throw new TraceFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
