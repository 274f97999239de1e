package dev.cachet.harness.stats;

import dev.cachet.evals.trace.FileSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The summaries of log files already read, one cache file per log file ({@code $XDG_CACHE_HOME/cachet/stats/}),
 * keyed by the log's path, size and modification time. An entry whose log changed is not used, except that a log that
 * only grew is read on from where the entry left it (a live session's file). An entry that cannot be read back
 * whole, whatever the cause (a crash while writing it, another version of cachet, a disk error), is deleted and the
 * log read again: nothing in it is trusted before its checksum is.
 */
public final class SummaryCache {
    /** How much of the log before the resume point must be as it was for the log to count as grown. */
    static final int TAIL_CHECK_BYTES = 4096;

    private final Path directory;

    public SummaryCache(Path directory) {
        this.directory = directory;
    }

    /** What the cache knows of a log. */
    public sealed interface Lookup permits Hit, Grown, Miss {}

    /** The log is as it was: its summary. */
    public record Hit(FileSummary summary) implements Lookup {}

    /** The log grew since: read on from {@code resume}. */
    public record Grown(FileSummary.Resume resume) implements Lookup {}

    /** Nothing usable: read the log from its start. */
    public record Miss() implements Lookup {}

    /** A log's size and modification time (in nanoseconds since the epoch) when it is looked up. */
    public record Key(long size, long modified) {}

    public Lookup lookup(Path log, Key key) {
        Path entry = entry(log);
        if (!Files.isRegularFile(entry)) {
            return new Miss();
        }
        Optional<SummaryCodec.Entry> read = SummaryCodec.decode(readAll(entry), log.toString());
        if (read.isEmpty()) {
            delete(entry);
            return new Miss();
        }
        SummaryCodec.Entry cached = read.get();
        if (cached.key().equals(key)) {
            return new Hit(cached.summary());
        }
        Optional<FileSummary.Resume> resume = cached.summary().resume();
        if (resume.isPresent() && key.size() > cached.key().size() && key.modified() >= cached.key().modified()
                && resume.get().offset() <= key.size() && tail(log, resume.get().offset()) == cached.tail()) {
            return new Grown(resume.get());
        }
        return new Miss();
    }

    /** Keeps a log's summary; a failure to write only costs the next run a reread. */
    public void store(Path log, Key key, FileSummary summary) {
        long tail = summary.resume().map(resume -> tail(log, resume.offset())).orElse(0L);
        byte[] bytes = SummaryCodec.encode(new SummaryCodec.Entry(log.toString(), key, tail, summary));
        Path entry = entry(log);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, entry.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // The cache is an optimisation: the report stands without it.
        }
    }

    /** The cache file of a log: a hash of its absolute path (the entry names the path too, and is checked against it). */
    Path entry(Path log) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(log.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".summary");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A checksum of the bytes just before {@code offset}, to tell a grown log from one rewritten; -1 if unreadable. */
    static long tail(Path log, long offset) {
        long start = Math.max(0, offset - TAIL_CHECK_BYTES);
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(start);
            CRC32 crc = new CRC32();
            crc.update(in.readNBytes((int) (offset - start)));
            return crc.getValue();
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] readAll(Path entry) {
        try {
            return Files.readAllBytes(entry);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            // Written over at the next store.
        }
    }
}
