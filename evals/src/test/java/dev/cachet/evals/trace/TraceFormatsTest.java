package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.context.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFormatsTest {
    @TempDir
    Path dir;

    @Test
    void a_file_of_no_known_format_is_named_with_what_was_expected() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.jsonl"), "{\"hello\": \"world\"}\n");

        assertThatThrownBy(() -> TraceFormats.read(notes))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(notes + ": not a known trajectory format; expected one of: ")
                .hasMessageContaining("claude-code (").hasMessageContaining("swe-agent (");
    }

    @Test
    void another_harness_log_that_starts_with_a_byte_order_mark_reads_as_without_it() throws IOException {
        // An editor on Windows writes one; cachet's own logs are cachet's to write.
        List<String> logs = List.of("claude-code/sidechains.jsonl", "codex/rollout.jsonl",
                "mini-swe-agent/mini-swe-agent-1.1.traj.json", "openhands/runtime.json", "swe-agent/swe-agent-text.traj");
        for (String log : logs) {
            Path original = TraceSamples.FIXTURES.resolve(log);
            Path marked = dir.resolve(original.getFileName());
            byte[] bytes = Files.readAllBytes(original);
            byte[] withMark = new byte[bytes.length + 3];
            withMark[0] = (byte) 0xEF;
            withMark[1] = (byte) 0xBB;
            withMark[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, withMark, 3, bytes.length);
            Files.write(marked, withMark);

            assertThat(TraceFormats.detect(marked).map(TraceFormat::label)).as(log)
                    .isEqualTo(TraceFormats.detect(original).map(TraceFormat::label)).isPresent();
            assertThat(TraceFormats.read(marked)).as(log).usingRecursiveComparison()
                    .isEqualTo(TraceFormats.read(original));
            TraceSummaries summaries = new TraceSummaries(dev.cachet.context.TokenCounter.o200k());
            assertThat(summaries.read(marked, TraceFormats.of(marked)).summaries()).as(log)
                    .isEqualTo(summaries.read(original, TraceFormats.of(original)).summaries());
        }
    }

    @Test
    void a_rollout_saved_with_sorted_keys_and_a_first_line_longer_than_the_head_is_still_a_rollout() throws IOException {
        // As jq -S writes it: the payload of the session_meta line, its base instructions tens of kilobytes, comes
        // before the timestamp and type that name the format.
        ObjectMapper sorted = Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        Path original = TraceSamples.FIXTURES.resolve("codex/rollout.jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(original)) {
            Map<String, Object> fields = sorted.readValue(line, new TypeReference<TreeMap<String, Object>>() { });
            if ("session_meta".equals(fields.get("type"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) fields.get("payload");
                payload.put("base_instructions", Map.of("text", "word ".repeat(5_000)));
            }
            lines.add(sorted.writeValueAsString(fields));
        }
        Path log = Files.write(dir.resolve("rollout.jsonl"), lines);
        // With a byte order mark the head holds a character less, and still ends inside the first line.
        Path marked = Files.writeString(dir.resolve("marked.jsonl"), FileHead.BOM + Files.readString(log));

        assertThat(Files.readAllLines(log).get(0)).hasSizeGreaterThan(TraceFormats.HEAD_CHARS).startsWith("{\"payload\"");
        for (Path sortedLog : List.of(log, marked)) {
            assertThat(TraceFormats.detect(sortedLog).map(TraceFormat::label)).as(sortedLog.toString()).contains("codex");
            assertThat(TraceFormats.read(sortedLog)).extracting(trajectory -> trajectory.turns().size())
                    .isEqualTo(TraceFormats.read(original).stream().map(trajectory -> trajectory.turns().size()).toList());
        }
    }

    @Test
    void a_missing_file_is_named() {
        Path missing = dir.resolve("nope.traj");

        assertThatThrownBy(() -> TraceFormats.read(missing)).hasMessage("trajectory not found: " + missing);
    }

    @Test
    void a_path_that_is_neither_a_file_nor_a_directory_is_named_as_such() throws Exception {
        Path pipe = dir.resolve("pipe.jsonl");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> TraceFiles.expand(List.of(pipe)))
                .hasMessage(pipe + ": not a regular file or a directory");
    }

    @Test
    void a_log_whose_only_line_has_no_end_yet_says_so_not_that_it_is_empty() throws IOException {
        Path live = Files.writeString(dir.resolve("live.jsonl"), "{\"type\":\"user\",\"sessionId\":\"s-1\",\"mess");

        assertThatThrownBy(() -> JsonFiles.lines(live))
                .hasMessage(live + ": no complete line (its only line has no end: still being written?)");
    }

    @Test
    void an_empty_file_is_named_as_such() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n  \n");

        assertThatThrownBy(() -> TraceFormats.read(empty)).hasMessage(empty + ": empty file");
        assertThatThrownBy(() -> TraceFormats.read(blank)).hasMessage(blank + ": empty file");
    }

    @Test
    void bytes_that_are_not_utf8_are_named_by_line_and_offset() throws IOException {
        byte[] known = Files.readAllBytes(TraceSamples.FIXTURES.resolve("claude-code/session.jsonl"));
        Path broken = dir.resolve("broken.jsonl");
        Files.write(broken, known);
        Files.write(broken, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}', '\n'},
                java.nio.file.StandardOpenOption.APPEND);
        long lines = new String(known, java.nio.charset.StandardCharsets.UTF_8).lines().count();

        assertThatThrownBy(() -> TraceFormats.read(broken))
                .hasMessage(broken + ":" + (lines + 1) + ": not UTF-8 (byte offset " + (known.length + 2) + ")");
    }

    @Test
    void directories_yield_the_trajectories_in_them_and_count_the_rest() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/deep"));
        Files.copy(TraceSamples.DEMO, logs.resolve("a.jsonl"));
        Files.writeString(logs.resolve("b.json"), "{\"not\": \"a trace\"}");
        Files.writeString(logs.resolve("c.txt"), "ignored: not a trajectory suffix");

        TraceFiles.Found found = TraceFiles.expand(List.of(dir.resolve("logs")));

        assertThat(found.files()).containsExactly(logs.resolve("a.jsonl"));
        assertThat(found.skipped()).isEqualTo(1);
    }

    @Test
    void a_file_found_in_a_directory_keeps_the_format_found_there_so_it_is_not_detected_again() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path trace = Files.copy(TraceSamples.DEMO, logs.resolve("a.jsonl"));
        String label = TraceFormats.detect(trace).orElseThrow().label();

        TraceFiles.Found found = TraceFiles.expand(List.of(logs));
        Files.writeString(trace, "{\"hello\": \"world\"}\n");

        assertThat(found.format(trace).label()).isEqualTo(label);
    }

    @Test
    void a_file_named_is_detected_when_its_format_is_asked_with_the_error_of_a_read() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.jsonl"), "{\"hello\": \"world\"}\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        TraceFiles.Found found = TraceFiles.expand(List.of(notes, empty));

        assertThat(found.files()).containsExactly(notes, empty);
        assertThatThrownBy(() -> found.format(notes)).isInstanceOf(TraceFormatException.class)
                .hasMessage(catchThrowable(() -> TraceFormats.read(notes)).getMessage());
        assertThatThrownBy(() -> found.format(empty)).hasMessage(empty + ": empty file");
    }
}
