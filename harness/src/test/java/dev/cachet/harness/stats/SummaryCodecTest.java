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
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
    private static final String PATH = "/logs/s.jsonl";
    private static final Instant AT = Instant.parse("2026-11-01T09:00:00.123Z");
    private static final SummaryCodec.Entry ENTRY = entry(new Usage(3, 600, 8_000, 50, 0, 600), Instant.MAX);

    @Test
    void an_entry_reads_back_as_it_was_written() {
        SummaryCodec.Entry read = SummaryCodec.decode(SummaryCodec.encode(ENTRY), PATH).orElseThrow();

        assertThat(read.key()).isEqualTo(ENTRY.key());
        assertThat(read.tail()).isEqualTo(42);
        assertThat(read.format()).isEqualTo("claude-code");
        assertThat(read.summary().summaries()).isEqualTo(ENTRY.summary().summaries());
        FileSummary.Resume resume = read.summary().resume().orElseThrow();
        assertThat(resume.offset()).isEqualTo(4096);
        assertThat(resume.lines()).isEqualTo(12);
        assertThat(resume.state()).containsExactly(1, 2, 3);
        assertThat(read.summary().summaries().get(0).turns()).isInstanceOf(TurnColumns.class);
    }

    @Test
    void a_summary_read_without_its_results_sizes_reads_back_without_them() {
        TraceSummary sized = ENTRY.summary().summaries().get(0);
        TraceSummary unsized = new TraceSummary(sized.id(), sized.format(), sized.session(), sized.model(),
                sized.turns(), sized.toolSchemaTokens(), Optional.empty(), sized.sideCalls());

        List<TraceSummary> read = SummaryCodec.decode(SummaryCodec.encode(with(List.of(unsized, sized))), PATH)
                .orElseThrow().summary().summaries();

        assertThat(read).containsExactly(unsized, sized);
        assertThat(read.get(0).resultTokens()).isEmpty();
    }

    @Test
    void the_head_alone_gives_the_summaries_and_where_the_state_lies() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        int end = SummaryCodec.headEnd(Arrays.copyOf(bytes, SummaryCodec.PREFIX_BYTES));

        SummaryCodec.Head head = SummaryCodec.head(Arrays.copyOf(bytes, end), end, bytes.length, PATH).orElseThrow();

        assertThat(end).isEqualTo(bytes.length - 3);
        assertThat(head.summaries()).isEqualTo(ENTRY.summary().summaries());
        assertThat(head.resume().orElseThrow().stateLength()).isEqualTo(3);
        assertThat(SummaryCodec.resume(head.resume().get(), new byte[] {1, 2, 3})).isPresent();
        assertThat(SummaryCodec.resume(head.resume().get(), new byte[] {1, 2, 4})).as("another state").isEmpty();
        assertThat(SummaryCodec.head(Arrays.copyOf(bytes, end), end, bytes.length - 1, PATH)).as("state cut short").isEmpty();
    }

    /** A head is read into a buffer used again: what lies past the bytes read is never taken for the head's. */
    @Test
    void a_head_in_a_larger_buffer_is_read_from_its_bytes_alone() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        int end = SummaryCodec.headEnd(Arrays.copyOf(bytes, SummaryCodec.PREFIX_BYTES));
        byte[] buffer = Arrays.copyOf(bytes, end + 100);

        assertThat(SummaryCodec.head(buffer, end, bytes.length, PATH).orElseThrow().summaries())
                .isEqualTo(ENTRY.summary().summaries());
        assertThat(SummaryCodec.head(buffer, end - 1, bytes.length, PATH)).as("its last byte not read").isEmpty();
    }

    @Test
    void an_entry_of_another_version_or_another_log_or_cut_short_is_refused_even_with_a_right_checksum() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        byte[] older = Arrays.copyOf(bytes, bytes.length);
        ByteBuffer.wrap(older).putInt(Integer.BYTES, SummaryCodec.VERSION - 1);
        byte[] state = Arrays.copyOf(bytes, bytes.length);
        state[state.length - 1]++;

        assertThat(SummaryCodec.decode(checksummed(older), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(bytes, "/logs/other.jsonl")).isEmpty();
        assertThat(SummaryCodec.decode(Arrays.copyOf(bytes, bytes.length / 2), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(Arrays.copyOf(bytes, bytes.length - 1), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(Arrays.copyOf(bytes, bytes.length + 1), PATH)).isEmpty();
        assertThat(SummaryCodec.decode(state, PATH)).as("a damaged state").isEmpty();
        byte[] head = Arrays.copyOf(bytes, bytes.length);
        ByteBuffer.wrap(head).putInt(2 * Integer.BYTES, bytes.length);
        assertThat(SummaryCodec.decode(head, PATH)).as("a head longer than the entry").isEmpty();
    }

    /**
     * Each byte of the head set to values that make a varint end or go on, its checksum made right: what decodes is an
     * entry the codec could have written, and the rest is refused, never thrown.
     */
    @Test
    void a_head_damaged_anywhere_is_refused_or_read_but_never_throws() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        int end = SummaryCodec.headEnd(bytes);
        for (int at = SummaryCodec.PREFIX_BYTES; at < end - Integer.BYTES; at++) {
            for (int value : new int[] {0, 1, 2, 0x3f, 0x40, 0x7f, 0x80, 0x81, 0xfe, 0xff, bytes[at] ^ 1}) {
                byte[] damaged = Arrays.copyOf(bytes, bytes.length);
                damaged[at] = (byte) value;
                SummaryCodec.decode(checksummed(damaged), PATH).ifPresent(
                        entry -> assertThat(SummaryCodec.decode(SummaryCodec.encode(entry), PATH)).isPresent());
            }
        }
    }

    @Test
    void an_entry_that_claims_more_summaries_or_turns_than_it_holds_is_refused_without_making_room_for_them() {
        byte[] bytes = SummaryCodec.encode(ENTRY);
        TraceSummary summary = ENTRY.summary().summaries().get(0);
        int summaries = differ(bytes, SummaryCodec.encode(with(List.of(summary, summary))));
        int turns = differ(bytes, SummaryCodec.encode(with(List.of(new TraceSummary(summary.id(),
                summary.format(), summary.session(), summary.model(), summary.turns().subList(0, 2),
                summary.toolSchemaTokens(), summary.resultTokens(), summary.sideCalls())))));

        assertThat(varint(bytes, summaries)).isOne();
        assertThat(SummaryCodec.decode(replaced(bytes, summaries, Integer.MAX_VALUE), PATH)).isEmpty();
        assertThat(varint(bytes, turns)).isEqualTo(3);
        assertThat(SummaryCodec.decode(replaced(bytes, turns, Integer.MAX_VALUE), PATH)).isEmpty();
    }

    @Test
    void an_entry_whose_turn_holds_a_usage_or_time_no_call_can_have_is_refused_as_it_is_read() {
        // Where the bytes of 600 one-hour writes of 600 written and of 599 differ is the count: a zigzag varint, so
        // two more is one more.
        byte[] bytes = SummaryCodec.encode(ENTRY);
        int writes = differ(bytes, SummaryCodec.encode(entry(new Usage(3, 600, 8_000, 50, 0, 599),
                Instant.MAX)));
        int time = differ(bytes, SummaryCodec.encode(entry(new Usage(3, 600, 8_000, 50, 0, 600),
                Instant.MAX.minusSeconds(1))));

        assertThat(SummaryCodec.decode(replaced(bytes, writes, varint(bytes, writes) + 2), PATH))
                .as("more 1-hour writes than writes").isEmpty();
        assertThat(SummaryCodec.decode(replaced(bytes, time, varint(bytes, time) + 2), PATH))
                .as("a time past Instant.MAX").isEmpty();
    }

    /** An entry whose first turn has {@code usage}, its third is at {@code last}. */
    private static SummaryCodec.Entry entry(Usage usage, Instant last) {
        return new SummaryCodec.Entry(PATH, new SummaryCache.Key(1234, 5678, 91), 42, "claude-code",
                new FileSummary(List.of(new TraceSummary("s.jsonl", "claude-code", "s", Optional.of("opus"), List.of(
                        new TraceSummary.Turn(Optional.of("msg_1:req_1"), "main", Optional.of("opus"), Optional.of(AT),
                                Optional.of(usage)),
                        new TraceSummary.Turn(Optional.empty(), "Explore", Optional.empty(), Optional.empty(),
                                Optional.empty()),
                        new TraceSummary.Turn(Optional.empty(), "main", Optional.of("opus"), Optional.of(last),
                                Optional.empty())),
                        OptionalInt.of(900), Optional.of(new TraceSummary.ResultTokens(12_000,
                                List.of(new TraceSummary.OversizedResult(0, 12_000)))),
                        List.of(new SideCall(SideCall.Kind.PING, 1, Optional.empty(),
                                        Optional.of(new Usage(1, 0, 9_000, 1, 0))),
                                new SideCall(SideCall.Kind.SUMMARY, 2, Optional.of(Instant.EPOCH), Optional.empty())))),
                        Optional.of(new FileSummary.Resume(4096, 12, new byte[] {1, 2, 3}))));
    }

    private static SummaryCodec.Entry with(List<TraceSummary> summaries) {
        return new SummaryCodec.Entry(PATH, ENTRY.key(), ENTRY.tail(), ENTRY.format(),
                new FileSummary(summaries, ENTRY.summary().resume()));
    }

    /** Where the heads of two entries first differ. */
    private static int differ(byte[] bytes, byte[] other) {
        int from = SummaryCodec.PREFIX_BYTES;
        return from + Arrays.mismatch(bytes, from, bytes.length, other, from, other.length);
    }

    /** The varint at {@code at}. */
    private static long varint(byte[] bytes, int at) {
        long value = 0;
        for (int shift = 0; ; shift += 7, at++) {
            value |= (long) (bytes[at] & 0x7f) << shift;
            if ((bytes[at] & 0x80) == 0) {
                return value;
            }
        }
    }

    /** {@code bytes} with the varint at {@code at} replaced by {@code value}, the head's length and checksum made right. */
    private static byte[] replaced(byte[] bytes, int at, long value) {
        int end = at;
        while ((bytes[end++] & 0x80) != 0) {
            // To the varint's last byte.
        }
        ByteBuffer replaced = ByteBuffer.allocate(bytes.length + 10).put(bytes, 0, at);
        for (; (value & ~0x7fL) != 0; value >>>= 7) {
            replaced.put((byte) (value & 0x7f | 0x80));
        }
        replaced.put((byte) value).put(bytes, end, bytes.length - end);
        byte[] spliced = Arrays.copyOf(replaced.array(), replaced.position());
        ByteBuffer head = ByteBuffer.wrap(spliced);
        head.putInt(2 * Integer.BYTES, head.getInt(2 * Integer.BYTES) + spliced.length - bytes.length);
        return checksummed(spliced);
    }

    /** The bytes with the CRC-32 at the end of their head made that of the head, as the codec writes it. */
    private static byte[] checksummed(byte[] bytes) {
        int end = SummaryCodec.PREFIX_BYTES + ByteBuffer.wrap(bytes).getInt(2 * Integer.BYTES) + Integer.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end - Integer.BYTES);
        ByteBuffer.wrap(bytes).putInt(end - Integer.BYTES, (int) crc.getValue());
        return bytes;
    }
}
