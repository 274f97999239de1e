package dev.cachet.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.trace.FileSummary;
import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
    private static final String PATH = "/logs/s.jsonl";
    private static final SummaryCodec.Entry ENTRY = new SummaryCodec.Entry(PATH, new SummaryCache.Key(1234, 5678), 42,
            new FileSummary(List.of(new TraceSummary("s.jsonl", "claude-code", "s", Optional.of("opus"), List.of(
                    new TraceSummary.Turn(Optional.of("msg_1:req_1"), "main", Optional.of("opus"),
                            Optional.of(Instant.parse("2026-11-01T09:00:00.123Z")),
                            Optional.of(new Usage(3, 600, 8_000, 50, 0, 600))),
                    new TraceSummary.Turn(Optional.empty(), "Explore", Optional.empty(), Optional.empty(),
                            Optional.empty())),
                    OptionalInt.of(900), 12_000, List.of(new TraceSummary.OversizedResult(0, 12_000)),
                    List.of(new SideCall(SideCall.Kind.PING, 1, Optional.empty(), Optional.of(new Usage(1, 0, 9_000, 1, 0))),
                            new SideCall(SideCall.Kind.SUMMARY, 2, Optional.of(Instant.EPOCH), Optional.empty())))),
                    Optional.of(new FileSummary.Resume(4096, 12, new byte[] {1, 2, 3}))));

    @Test
    void an_entry_reads_back_as_it_was_written() {
        SummaryCodec.Entry read = SummaryCodec.decode(SummaryCodec.encode(ENTRY), PATH).orElseThrow();

        assertThat(read.key()).isEqualTo(ENTRY.key());
        assertThat(read.tail()).isEqualTo(42);
        assertThat(read.summary().summaries()).isEqualTo(ENTRY.summary().summaries());
        assertThat(read.summary().resume().orElseThrow().state()).containsExactly(1, 2, 3);
        assertThat(read.summary().summaries().get(0).turns()).isInstanceOf(TurnColumns.class);
    }

    @Test
    void an_entry_of_another_version_or_another_log_or_cut_short_is_refused_even_with_a_right_checksum() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        byte[] older = Arrays.copyOf(bytes, bytes.length);
        ByteBuffer.wrap(older).putInt(Integer.BYTES, SummaryCodec.VERSION - 1);

        assertThat(SummaryCodec.decode(checksummed(older), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(bytes, "/logs/other.jsonl")).isEmpty();
        assertThat(SummaryCodec.decode(Arrays.copyOf(bytes, bytes.length / 2), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(checksummed(Arrays.copyOf(bytes, bytes.length - 20)), PATH)).isEmpty();
    }

    @Test
    void an_entry_that_claims_more_summaries_than_it_holds_is_refused_without_making_room_for_them() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        // After magic, version, the path (index, length, bytes), the key and the tail: the count of summaries.
        int count = 4 * Integer.BYTES + PATH.length() + 3 * Long.BYTES;
        assertThat(ByteBuffer.wrap(bytes).getInt(count)).isOne();
        ByteBuffer.wrap(bytes).putInt(count, Integer.MAX_VALUE);

        assertThat(SummaryCodec.decode(checksummed(bytes), PATH)).isEmpty();
    }

    @Test
    void an_entry_that_claims_more_turns_than_it_holds_is_refused_without_making_room_for_them() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        // After the count of summaries: id, format, session (each index, length, bytes), the model (a flag, an
        // index, a length, bytes), the schema's and the largest result's tokens, one oversized result, the turns.
        int turns = 5 * Integer.BYTES + PATH.length() + 3 * Long.BYTES + 3 * 2 * Integer.BYTES
                + "s.jsonl".length() + "claude-code".length() + "s".length() + 1 + 2 * Integer.BYTES + "opus".length()
                + 2 * Integer.BYTES + Integer.BYTES + 2 * Integer.BYTES;
        assertThat(ByteBuffer.wrap(bytes).getInt(turns)).isEqualTo(2);
        ByteBuffer.wrap(bytes).putInt(turns, Integer.MAX_VALUE);

        assertThat(SummaryCodec.decode(checksummed(bytes), PATH)).isEmpty();
    }

    @Test
    void an_entry_whose_turn_holds_a_usage_or_time_no_call_can_have_is_refused_as_it_is_read() {
        long second = Instant.parse("2026-11-01T09:00:00.123Z").getEpochSecond();

        assertThat(SummaryCodec.decode(patched(new long[] {3, 600, 8_000, 50, 0, 600}, 5, 601), PATH))
                .as("more 1-hour writes than writes").isEmpty();
        assertThat(SummaryCodec.decode(patched(new long[] {second}, 0, Long.MAX_VALUE), PATH))
                .as("a time past Instant.MAX").isEmpty();
    }

    /** The encoded entry with the {@code index}th of the longs {@code run} (found in the bytes) set to {@code value}. */
    private static byte[] patched(long[] run, int index, long value) {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int at = 0; at + run.length * Long.BYTES <= bytes.length; at++) {
            int from = at;
            if (IntStream.range(0, run.length).allMatch(i -> buffer.getLong(from + i * Long.BYTES) == run[i])) {
                buffer.putLong(at + index * Long.BYTES, value);
                return checksummed(bytes);
            }
        }
        throw new AssertionError("the entry holds no such run of longs");
    }

    /** The bytes with their last eight replaced by the CRC-32 of the rest, as the codec writes it. */
    private static byte[] checksummed(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        return bytes;
    }
}
