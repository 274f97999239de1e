package dev.cachet.harness.stats;

import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * The binary form of a {@link SummaryCache} entry: a magic number and format version, the log's path and key, the
 * summaries (each string written once, then referred to by number), the resume point, and a CRC-32 of all of it.
 * Decoding refuses anything that is not exactly what this version wrote.
 */
final class SummaryCodec {
    static final int MAGIC = 0x43535355; // "CSSU"
    // 3: summaries carry the keep-alive pings of cachet's logs. 4: a call's id as its 64-bit key. 5: side calls
    // (pings and summaries) with their kind and place.
    static final int VERSION = 5;
    private static final int CALL_KEY = 1;
    private static final int MODEL = 2;
    private static final int AT = 4;
    private static final int USAGE = 8;
    // The fewest bytes each is written in: a summary (three strings, a model flag, two counts and three lists), a turn
    // (its flags and agent), a side call (flags, kind, place).
    private static final int SUMMARY_BYTES = 3 * Integer.BYTES + 1 + 5 * Integer.BYTES;
    private static final int TURN_BYTES = 1 + Integer.BYTES;
    private static final int SIDE_CALL_BYTES = 2 + Integer.BYTES;

    /** One cached log: its path, its key, a checksum of its bytes before the resume point, its summary. */
    record Entry(String path, SummaryCache.Key key, long tail, FileSummary summary) {}

    private SummaryCodec() {}

    static byte[] encode(Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Writer writer = new Writer(out);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writer.string(entry.path());
            out.writeLong(entry.key().size());
            out.writeLong(entry.key().modified());
            out.writeLong(entry.tail());
            List<TraceSummary> summaries = entry.summary().summaries();
            out.writeInt(summaries.size());
            for (TraceSummary summary : summaries) {
                writer.summary(summary);
            }
            Optional<FileSummary.Resume> resume = entry.summary().resume();
            out.writeBoolean(resume.isPresent());
            if (resume.isPresent()) {
                out.writeLong(resume.get().offset());
                out.writeInt(resume.get().lines());
                out.writeInt(resume.get().state().length);
                out.write(resume.get().state());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entry in {@code bytes} if they are one whole, of this version, for the log at {@code path}. */
    static Optional<Entry> decode(byte[] bytes, String path) {
        if (bytes.length < Long.BYTES + 2 * Integer.BYTES) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        long stored = 0;
        for (int i = bytes.length - Long.BYTES; i < bytes.length; i++) {
            stored = stored << 8 | (bytes[i] & 0xff);
        }
        if (stored != crc.getValue()) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Long.BYTES);
        try {
            Reader reader = new Reader(in);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !reader.string().equals(path)) {
                return Optional.empty();
            }
            SummaryCache.Key key = new SummaryCache.Key(in.getLong(), in.getLong());
            long tail = in.getLong();
            int count = reader.count(SUMMARY_BYTES);
            List<TraceSummary> summaries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                summaries.add(reader.summary());
            }
            Optional<FileSummary.Resume> resume = Optional.empty();
            if (in.get() != 0) {
                long offset = in.getLong();
                int lines = in.getInt();
                resume = Optional.of(new FileSummary.Resume(offset, lines, reader.bytes(in.getInt())));
            }
            return in.hasRemaining() ? Optional.empty()
                    : Optional.of(new Entry(path, key, tail, new FileSummary(summaries, resume)));
        } catch (RuntimeException e) {
            // A checksum that matches by chance over bytes of another layout: still not trusted.
            return Optional.empty();
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void summary(TraceSummary summary) throws IOException {
            string(summary.id());
            string(summary.format());
            string(summary.session());
            optional(summary.model());
            out.writeInt(summary.toolSchemaTokens().orElse(-1));
            out.writeInt(summary.largestToolResultTokens());
            out.writeInt(summary.oversizedResults().size());
            for (TraceSummary.OversizedResult result : summary.oversizedResults()) {
                out.writeInt(result.turn());
                out.writeInt(result.tokens());
            }
            out.writeInt(summary.turns().size());
            for (TraceSummary.Turn turn : summary.turns()) {
                out.writeByte((turn.callKey().isPresent() ? CALL_KEY : 0) | (turn.model().isPresent() ? MODEL : 0)
                        | (turn.at().isPresent() ? AT : 0) | (turn.usage().isPresent() ? USAGE : 0));
                string(turn.agent());
                if (turn.callKey().isPresent()) {
                    out.writeLong(turn.callKey().getAsLong());
                }
                if (turn.model().isPresent()) {
                    string(turn.model().get());
                }
                at(turn.at());
                usage(turn.usage());
            }
            out.writeInt(summary.sideCalls().size());
            for (SideCall side : summary.sideCalls()) {
                out.writeByte((side.at().isPresent() ? AT : 0) | (side.usage().isPresent() ? USAGE : 0));
                out.writeByte(side.kind().ordinal());
                out.writeInt(side.beforeTurn());
                at(side.at());
                usage(side.usage());
            }
        }

        void at(Optional<Instant> at) throws IOException {
            if (at.isPresent()) {
                out.writeLong(at.get().getEpochSecond());
                out.writeInt(at.get().getNano());
            }
        }

        void usage(Optional<Usage> usage) throws IOException {
            if (usage.isPresent()) {
                out.writeLong(usage.get().uncachedInput());
                out.writeLong(usage.get().cacheWrite());
                out.writeLong(usage.get().cacheRead());
                out.writeLong(usage.get().output());
                out.writeLong(usage.get().reasoning());
                out.writeLong(usage.get().cacheWrite1h());
            }
        }

        void optional(Optional<String> value) throws IOException {
            out.writeBoolean(value.isPresent());
            if (value.isPresent()) {
                string(value.get());
            }
        }

        /** A string met before as its number; a new one as -1 and its UTF-8 bytes. */
        void string(String value) throws IOException {
            Integer known = strings.get(value);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(value, strings.size());
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(-1);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<String> strings = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        TraceSummary summary() {
            String id = string();
            String format = string();
            String session = string();
            Optional<String> model = in.get() != 0 ? Optional.of(string()) : Optional.empty();
            int schema = in.getInt();
            int largest = in.getInt();
            int oversizedCount = count(2 * Integer.BYTES);
            List<TraceSummary.OversizedResult> oversized = new ArrayList<>(oversizedCount);
            for (int i = 0; i < oversizedCount; i++) {
                oversized.add(new TraceSummary.OversizedResult(in.getInt(), in.getInt()));
            }
            int count = count(TURN_BYTES);
            TurnColumns.Builder turns = new TurnColumns.Builder(count);
            for (int i = 0; i < count; i++) {
                int flags = in.get();
                String agent = string();
                long key = (flags & CALL_KEY) != 0 ? in.getLong() : 0;
                turns.next(agent, (flags & MODEL) != 0 ? string() : null);
                if ((flags & CALL_KEY) != 0) {
                    turns.key(key);
                }
                if ((flags & AT) != 0) {
                    turns.at(in.getLong(), in.getInt());
                }
                if ((flags & USAGE) != 0) {
                    turns.usage(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                }
            }
            int sideCount = count(SIDE_CALL_BYTES);
            List<SideCall> sides = new ArrayList<>(sideCount);
            for (int i = 0; i < sideCount; i++) {
                int flags = in.get();
                SideCall.Kind[] kinds = SideCall.Kind.values();
                SideCall.Kind kind = kinds[Objects.checkIndex(in.get(), kinds.length)];
                int beforeTurn = in.getInt();
                Optional<Instant> at = (flags & AT) != 0 ? Optional.of(Instant.ofEpochSecond(in.getLong(), in.getInt()))
                        : Optional.empty();
                sides.add(new SideCall(kind, beforeTurn, at, usage(flags)));
            }
            return new TraceSummary(id, format, session, model, turns.build(),
                    schema < 0 ? OptionalInt.empty() : OptionalInt.of(schema), largest, oversized, sides);
        }

        Optional<Usage> usage(int flags) {
            return (flags & USAGE) != 0 ? Optional.of(new Usage(in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong())) : Optional.empty();
        }

        /**
         * A count of things each written in at least {@code leastBytes}; refused when the bytes left cannot hold that
         * many, so that a damaged count never asks for room the entry could not fill.
         */
        int count(int leastBytes) {
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / leastBytes) {
                throw new IllegalArgumentException("a count of " + count + " with " + in.remaining() + " bytes left");
            }
            return count;
        }

        byte[] bytes(int length) {
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            return bytes;
        }

        String string() {
            int index = in.getInt();
            if (index >= 0) {
                return strings.get(index);
            }
            String value = new String(bytes(in.getInt()), StandardCharsets.UTF_8);
            strings.add(value);
            return value;
        }
    }
}
