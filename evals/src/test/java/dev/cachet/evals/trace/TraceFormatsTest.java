package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void a_missing_file_is_named() {
        Path missing = dir.resolve("nope.traj");

        assertThatThrownBy(() -> TraceFormats.read(missing)).hasMessage("trajectory not found: " + missing);
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
}
