package dev.cachet.harness.stats;

import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * The binary form of a {@link SummaryCache} entry: a magic number, the format version and the length of the head; the
 * head (the log's path, key and format, its summaries, where to resume and the length and CRC-32 of the state to
 * resume with) and a CRC-32 of all so far; then that state. An unchanged log's entry is read up to the end of its head:
 * the state (for a Claude Code log, every call again and every tool call's id, most of the entry) is read only when
 * the log grew. Numbers are varints, a turn's time is the change from the turn before, each string is written once
 * and then referred to by number. Decoding refuses anything that is not exactly what this version wrote.
 */
final class SummaryCodec {
    static final int MAGIC = 0x43535355; // "CSSU"
    // 3: summaries carry the keep-alive pings of cachet's logs. 4: a call's id as its 64-bit key. 5: side calls
    // (pings and summaries) with their kind and place. 6: varints, the log's format, the state after the head.
    // 7: the tool results' sizes may be absent (a report by period reads without them).
    // 8: a Codex call has the id of its token_count report, and older Codex logs are read.
    // 9: a Claude Code response is told apart by its input counts too.
    // 10: a Claude Code response fast mode served is billed as its model with -fast. 11: one served in the US, @us.
    // 12: only a Claude Code response without a request id is told apart by its input counts; 13: and across logs
    // by the time of its first line. 14: a Claude Code line written again under its uuid is read once (the state to
    // resume with holds the uuids read); 15: as their keys. 16: the key holds a sub-agent's parent log's size and time.
    // 17: a cachet log's calls have ids (its session and the time of their answer). 18: a sidechain's chain runs
    // through its progress lines, a negative token count makes no summary, and OpenHands calls have ids. 19: an
    // OpenHands or mini-swe-agent usage without its prompt or completion count bills nothing, and a count that is not a
    // number makes no summary. 20: a sub-agent without a log of its own is read from the progress lines relaying it.
    // 21: a Codex fork's copied history ends at its ancestors' session_meta; a rollout without one copied nothing;
    // a token_count whose info has no running total is no call. 22: a Codex rollout's session is its thread's id, so
    // that its sub-agents' rollouts join it.
    static final int VERSION = 22;
    /** What is read first: the magic number, the version and the length of the head. */
    static final int PREFIX_BYTES = 3 * Integer.BYTES;
    private static final int CALL_KEY = 1;
    private static final int MODEL = 2;
    private static final int AT = 4;
    private static final int USAGE = 8;
    // The fewest bytes each is written in: a summary (three strings, a model flag, the schema's tokens, a flag for the
    // results' sizes, two counts), a turn (its flags and agent), a side call (flags, kind, place), an oversized result
    // (turn, tokens).
    private static final int SUMMARY_BYTES = 8;
    private static final int TURN_BYTES = 2;
    private static final int SIDE_CALL_BYTES = 3;
    private static final int OVERSIZED_BYTES = 2;

    /**
     * One cached log: its path, its key, a checksum of its bytes before the resume point, the format it was read in,
     * its summary.
     */
    record Entry(String path, SummaryCache.Key key, long tail, String format, FileSummary summary) {}

    /** An entry read up to the end of its head: all of it but the state to resume with. */
    record Head(SummaryCache.Key key, long tail, String format, List<TraceSummary> summaries, Optional<Saved> resume,
            int end) {}

    /** Where a grown log is read on from, and the state to read on with, which lies after the head. */
    record Saved(long offset, int lines, int stateLength, int stateCrc) {}

    private SummaryCodec() {}

    static byte[] encode(Entry entry) {
        Writer head = new Writer();
        head.string(entry.path());
        head.fixedLong(entry.key().size());
        head.fixedLong(entry.key().modified());
        head.fixedLong(entry.key().context());
        head.fixedLong(entry.tail());
        head.string(entry.format());
        List<TraceSummary> summaries = entry.summary().summaries();
        head.unsigned(summaries.size());
        summaries.forEach(head::summary);
        Optional<FileSummary.Resume> resume = entry.summary().resume();
        byte[] state = resume.map(FileSummary.Resume::state).orElse(new byte[0]);
        head.flag(resume.isPresent());
        if (resume.isPresent()) {
            head.unsigned(resume.get().offset());
            head.unsigned(resume.get().lines());
            head.unsigned(state.length);
            head.fixedInt(crc(state, 0, state.length));
        }
        ByteBuffer bytes = ByteBuffer.allocate(PREFIX_BYTES + head.length() + Integer.BYTES + state.length);
        bytes.putInt(MAGIC).putInt(VERSION).putInt(head.length()).put(head.bytes(), 0, head.length());
        bytes.putInt(crc(bytes.array(), 0, bytes.position()));
        return bytes.put(state).array();
    }

    /** How many bytes from the start the head takes with its checksum; -1 unless the prefix is this version's. */
    static int headEnd(byte[] prefix) {
        ByteBuffer in = ByteBuffer.wrap(prefix);
        if (prefix.length < PREFIX_BYTES || in.getInt() != MAGIC || in.getInt() != VERSION) {
            return -1;
        }
        int length = in.getInt();
        return length < 0 || length > Integer.MAX_VALUE - PREFIX_BYTES - Integer.BYTES ? -1
                : PREFIX_BYTES + length + Integer.BYTES;
    }

    /**
     * The head in the first {@code read} of {@code bytes} (the entry's first {@link #headEnd} bytes at least; what
     * follows them is not read) if it is one whole, of this version, for the log at {@code path}, in an entry of
     * {@code entryLength} bytes.
     */
    static Optional<Head> head(byte[] bytes, int read, long entryLength, String path) {
        int end = headEnd(bytes);
        if (end < 0 || end > read
                || ByteBuffer.wrap(bytes).getInt(end - Integer.BYTES) != crc(bytes, 0, end - Integer.BYTES)) {
            return Optional.empty();
        }
        try {
            Reader in = new Reader(bytes, PREFIX_BYTES, end - Integer.BYTES);
            if (!in.string().equals(path)) {
                return Optional.empty();
            }
            SummaryCache.Key key = new SummaryCache.Key(in.fixedLong(), in.fixedLong(), in.fixedLong());
            long tail = in.fixedLong();
            String format = in.string();
            int count = in.count(SUMMARY_BYTES);
            List<TraceSummary> summaries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                summaries.add(in.summary());
            }
            Optional<Saved> resume = in.flag() ? Optional.of(new Saved(in.offset(), in.unsignedInt(),
                    in.unsignedInt(), in.fixedInt())) : Optional.empty();
            long length = end + (long) resume.map(Saved::stateLength).orElse(0);
            return in.atEnd() && length == entryLength
                    ? Optional.of(new Head(key, tail, format, summaries, resume, end)) : Optional.empty();
        } catch (RuntimeException e) {
            // A checksum that matches by chance over bytes of another layout: still not trusted.
            return Optional.empty();
        }
    }

    /** The point to resume from, if {@code state} is the one the head names. */
    static Optional<FileSummary.Resume> resume(Saved saved, byte[] state) {
        return state.length == saved.stateLength() && crc(state, 0, state.length) == saved.stateCrc()
                ? Optional.of(new FileSummary.Resume(saved.offset(), saved.lines(), state)) : Optional.empty();
    }

    /** The whole entry in {@code bytes}, head and state, if it is one, of this version, for the log at {@code path}. */
    static Optional<Entry> decode(byte[] bytes, String path) {
        Optional<Head> read = head(bytes, bytes.length, bytes.length, path);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Head head = read.get();
        Optional<FileSummary.Resume> resume = Optional.empty();
        if (head.resume().isPresent()) {
            resume = resume(head.resume().get(), Arrays.copyOfRange(bytes, head.end(), bytes.length));
            if (resume.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Entry(path, head.key(), head.tail(), head.format(),
                new FileSummary(head.summaries(), resume)));
    }

    private static int crc(byte[] bytes, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }

    /** Writes into a growing array. */
    private static final class Writer {
        private final Map<String, Integer> strings = new HashMap<>();
        private byte[] bytes = new byte[256];
        private int length;
        /** The time of the turn or side call written last in this summary, that the next one's is written from. */
        private long lastSecond;

        byte[] bytes() {
            return bytes;
        }

        private void resultTokens(TraceSummary.ResultTokens results) {
            signed(results.largest());
            unsigned(results.oversized().size());
            for (TraceSummary.OversizedResult result : results.oversized()) {
                signed(result.turn());
                signed(result.tokens());
            }
        }

        int length() {
            return length;
        }

        void summary(TraceSummary summary) {
            string(summary.id());
            string(summary.format());
            string(summary.session());
            flag(summary.model().isPresent());
            summary.model().ifPresent(this::string);
            unsigned(summary.toolSchemaTokens().orElse(-1) + 1L);
            flag(summary.resultTokens().isPresent());
            summary.resultTokens().ifPresent(this::resultTokens);
            TurnColumns turns = summary.columns();
            unsigned(turns.size());
            lastSecond = 0;
            for (int i = 0; i < turns.size(); i++) {
                String model = turns.model(i);
                Instant at = turns.at(i);
                Usage usage = turns.usage(i);
                flags((turns.keyed(i) ? CALL_KEY : 0) | (model != null ? MODEL : 0) | (at != null ? AT : 0)
                        | (usage != null ? USAGE : 0));
                string(turns.agent(i));
                if (turns.keyed(i)) {
                    fixedLong(turns.key(i));
                }
                if (model != null) {
                    string(model);
                }
                if (at != null) {
                    at(at);
                }
                if (usage != null) {
                    usage(usage);
                }
            }
            unsigned(summary.sideCalls().size());
            for (SideCall side : summary.sideCalls()) {
                flags((side.at().isPresent() ? AT : 0) | (side.usage().isPresent() ? USAGE : 0));
                unsigned(side.kind().ordinal());
                unsigned(side.beforeTurn());
                side.at().ifPresent(this::at);
                side.usage().ifPresent(this::usage);
            }
        }

        /** The change in seconds from the time before, and the nanoseconds, as milliseconds where they are whole. */
        void at(Instant at) {
            signed(at.getEpochSecond() - lastSecond);
            lastSecond = at.getEpochSecond();
            int nano = at.getNano();
            unsigned(nano % 1_000_000 == 0 ? (long) nano / 1_000_000 << 1 : (long) nano << 1 | 1);
        }

        void usage(Usage usage) {
            signed(usage.uncachedInput());
            signed(usage.cacheWrite());
            signed(usage.cacheRead());
            signed(usage.output());
            signed(usage.reasoning());
            signed(usage.cacheWrite1h());
        }

        /** A string met before as its number plus one; a new one as 0, its length and its UTF-8 bytes. */
        void string(String value) {
            Integer known = strings.get(value);
            if (known != null) {
                unsigned(known + 1L);
                return;
            }
            strings.put(value, strings.size());
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            unsigned(0);
            unsigned(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        void flag(boolean value) {
            flags(value ? 1 : 0);
        }

        void flags(int value) {
            room(1);
            bytes[length++] = (byte) value;
        }

        void signed(long value) {
            unsigned(value << 1 ^ value >> 63);
        }

        /** Seven bits a byte, the lowest first, the high bit set on every byte but the last. */
        void unsigned(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                bytes[length++] = (byte) (value & 0x7F | 0x80);
                value >>>= 7;
            }
            bytes[length++] = (byte) value;
        }

        void fixedLong(long value) {
            fixed(value, Long.BYTES);
        }

        void fixedInt(int value) {
            fixed(value, Integer.BYTES);
        }

        /** The lowest {@code size} bytes of {@code value}, the highest first. */
        private void fixed(long value, int size) {
            room(size);
            for (int shift = 8 * (size - 1); shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (value >>> shift);
            }
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }

    /** Reads what {@link Writer} wrote, never past {@code end}. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private final List<String> strings = new ArrayList<>();
        private int at;
        private long lastSecond;

        Reader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean atEnd() {
            return at == end;
        }

        TraceSummary summary() {
            String id = string();
            String format = string();
            String session = string();
            Optional<String> model = flag() ? Optional.of(string()) : Optional.empty();
            long schema = unsigned() - 1;
            if (schema < -1 || schema > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tool schemas of " + schema + " tokens");
            }
            Optional<TraceSummary.ResultTokens> results = flag() ? Optional.of(resultTokens()) : Optional.empty();
            int count = count(TURN_BYTES);
            TurnColumns.Builder turns = new TurnColumns.Builder(count);
            lastSecond = 0;
            for (int i = 0; i < count; i++) {
                int flags = next();
                String agent = string();
                long key = (flags & CALL_KEY) != 0 ? fixedLong() : 0;
                turns.next(agent, (flags & MODEL) != 0 ? string() : null);
                if ((flags & CALL_KEY) != 0) {
                    turns.key(key);
                }
                if ((flags & AT) != 0) {
                    turns.at(second(), nano());
                }
                if ((flags & USAGE) != 0) {
                    turns.usage(signed(), signed(), signed(), signed(), signed(), signed());
                }
            }
            int sideCount = count(SIDE_CALL_BYTES);
            List<SideCall> sides = new ArrayList<>(sideCount);
            SideCall.Kind[] kinds = SideCall.Kind.values();
            for (int i = 0; i < sideCount; i++) {
                int flags = next();
                SideCall.Kind kind = kinds[Objects.checkIndex(unsignedInt(), kinds.length)];
                int beforeTurn = unsignedInt();
                Optional<Instant> at = (flags & AT) != 0 ? Optional.of(Instant.ofEpochSecond(second(), nano()))
                        : Optional.empty();
                Optional<Usage> usage = (flags & USAGE) != 0
                        ? Optional.of(new Usage(signed(), signed(), signed(), signed(), signed(), signed()))
                        : Optional.empty();
                sides.add(new SideCall(kind, beforeTurn, at, usage));
            }
            return new TraceSummary(id, format, session, model, turns.build(),
                    schema < 0 ? OptionalInt.empty() : OptionalInt.of((int) schema), results, sides);
        }

        private TraceSummary.ResultTokens resultTokens() {
            int largest = signedInt();
            int count = count(OVERSIZED_BYTES);
            List<TraceSummary.OversizedResult> oversized = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                oversized.add(new TraceSummary.OversizedResult(signedInt(), signedInt()));
            }
            return new TraceSummary.ResultTokens(largest, oversized);
        }

        private long second() {
            lastSecond = Math.addExact(lastSecond, signed());
            return lastSecond;
        }

        private int nano() {
            long code = unsigned();
            long value = code >>> 1;
            long nano = (code & 1) != 0 ? value : value < 1000 ? value * 1_000_000 : -1;
            if (nano < 0 || nano >= 1_000_000_000) {
                throw new IllegalArgumentException("a time of " + code + " coded nanoseconds");
            }
            return (int) nano;
        }

        /**
         * A count of things each written in at least {@code leastBytes}; refused when the bytes left cannot hold that
         * many, so that a damaged count never asks for room the entry could not fill.
         */
        int count(int leastBytes) {
            long count = unsigned();
            if (count > (end - at) / leastBytes) {
                throw new IllegalArgumentException("a count of " + count + " with " + (end - at) + " bytes left");
            }
            return (int) count;
        }

        String string() {
            int index = unsignedInt();
            if (index > 0) {
                return strings.get(index - 1);
            }
            int length = unsignedInt();
            if (length > end - at) {
                throw new IllegalArgumentException("a length of " + length + " with " + (end - at) + " bytes left");
            }
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            strings.add(value);
            return value;
        }

        boolean flag() {
            int value = next();
            if (value > 1) {
                throw new IllegalArgumentException("a flag of " + value);
            }
            return value == 1;
        }

        long signed() {
            long value = unsigned();
            return value >>> 1 ^ -(value & 1);
        }

        int signedInt() {
            return Math.toIntExact(signed());
        }

        long offset() {
            long offset = unsigned();
            if (offset < 0) {
                throw new IllegalArgumentException("an offset of " + offset);
            }
            return offset;
        }

        int unsignedInt() {
            return Math.toIntExact(unsigned());
        }

        long unsigned() {
            long value = 0;
            for (int shift = 0; shift < Long.SIZE; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint of more than ten bytes");
        }

        long fixedLong() {
            return fixed(Long.BYTES);
        }

        int fixedInt() {
            return (int) fixed(Integer.BYTES);
        }

        private long fixed(int size) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                value = value << 8 | next();
            }
            return value;
        }

        private int next() {
            if (at >= end) {
                throw new IllegalArgumentException("the head ends");
            }
            return bytes[at++] & 0xFF;
        }
    }
}
