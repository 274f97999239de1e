package dev.cachet.harness.stats;

import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The summaries of log files already read, one cache file per log file ({@code $XDG_CACHE_HOME/cachet/stats/}),
 * keyed by the log's path, size and modification time. An entry whose log changed is not used, except that a log that
 * only grew is read on from where the entry left it (a live session's file). An entry that cannot be read back
 * whole, whatever the cause (a crash while writing it, another version of cachet, a disk error), is deleted and the
 * log read again: nothing in it is trusted before its checksum is. An unchanged log's entry is read only as far as its
 * summaries go ({@link SummaryCodec}).
 */
public final class SummaryCache {
    /** How much of the log before the resume point must be as it was for the log to count as grown. */
    static final int TAIL_CHECK_BYTES = 4096;

    /**
     * Each thread's buffer for the heads it reads, grown to the largest: a head is decoded into its summaries and
     * dropped, and a warm run over a year of logs reads thousands.
     */
    private static final ThreadLocal<byte[]> HEADS = ThreadLocal.withInitial(() -> new byte[8192]);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final Path directory;

    public SummaryCache(Path directory) {
        this.directory = directory;
    }

    /** What the cache knows of a log. */
    public sealed interface Lookup permits Hit, Grown, Miss {}

    /** The log is as it was: its summaries, read in {@code format} (a {@link TraceFormat#label()}). */
    public record Hit(String format, List<TraceSummary> summaries) implements Lookup {}

    /** The log grew since: read on from {@code resume}. */
    public record Grown(FileSummary.Resume resume) implements Lookup {}

    /** Nothing usable: read the log from its start. */
    public record Miss() implements Lookup {}

    /**
     * A log's size and modification time (in nanoseconds since the epoch) when it is looked up, and a stamp of what
     * else its summary reads ({@code context}: a sub-agent's parent log, 0 for none).
     */
    public record Key(long size, long modified, long context) {}

    public Lookup lookup(Path log, Key key) {
        Path entry = entry(log);
        try {
            // Only a file the cache wrote is read: opening a named pipe would wait for a writer that never comes.
            if (!Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                delete(entry);
                return new Miss();
            }
        } catch (IOException e) {
            // None, or one that cannot be looked at: read the log.
            return new Miss();
        }
        try (FileChannel channel = FileChannel.open(entry)) {
            Optional<Lookup> known = lookup(channel, log, key);
            if (known.isPresent()) {
                return known.get();
            }
        } catch (NoSuchFileException e) {
            return new Miss();
        } catch (IOException e) {
            // Unreadable: dropped as a damaged entry is.
        }
        delete(entry);
        return new Miss();
    }

    /** What the entry open in {@code channel} knows of the log; empty when it is damaged. */
    private static Optional<Lookup> lookup(FileChannel channel, Path log, Key key) throws IOException {
        long length = channel.size();
        int end = SummaryCodec.headEnd(read(channel, 0, (int) Math.min(length, SummaryCodec.PREFIX_BYTES)));
        if (end < 0 || end > length) {
            return Optional.empty();
        }
        byte[] head = HEADS.get();
        if (head.length < end) {
            head = new byte[Math.max(end, 2 * head.length)];
            HEADS.set(head);
        }
        Optional<SummaryCodec.Head> read = SummaryCodec.head(head, read(channel, 0, head, end), length,
                log.toString());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SummaryCodec.Head cached = read.get();
        if (cached.key().equals(key)) {
            return Optional.of(new Hit(cached.format(), cached.summaries()));
        }
        Optional<SummaryCodec.Saved> saved = cached.resume();
        if (saved.isPresent() && key.size() > cached.key().size() && key.modified() >= cached.key().modified()
                && key.context() == cached.key().context()
                && saved.get().offset() <= key.size() && tail(log, saved.get().offset()) == cached.tail()) {
            // Only now is the state read, after the head, and checked against the CRC the head gives it.
            return SummaryCodec.resume(saved.get(), read(channel, end, saved.get().stateLength())).map(Grown::new);
        }
        return Optional.of(new Miss());
    }

    /** Keeps a log's summary, read in {@code format}; a failure to write only costs the next run a reread. */
    public void store(Path log, Key key, String format, FileSummary summary) {
        long tail = summary.resume().map(resume -> tail(log, resume.offset())).orElse(0L);
        byte[] bytes = SummaryCodec.encode(new SummaryCodec.Entry(log.toString(), key, tail, format, summary));
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
        byte[] hash = SHA_256.get().digest(log.toString().getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".summary");
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

    /** {@code length} bytes from {@code position}; fewer where the file ends before. */
    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = read(channel, position, bytes, length);
        return read < length ? Arrays.copyOf(bytes, read) : bytes;
    }

    /** Reads {@code length} bytes from {@code position} into the start of {@code into}: how many, fewer at the end. */
    private static int read(FileChannel channel, long position, byte[] into, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(into, 0, length);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) >= 0) {
            // Read on: a read may return fewer bytes than asked.
        }
        return bytes.position();
    }

    private static void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            // Written over at the next store.
        }
    }
}
