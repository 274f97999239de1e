package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFormatsTest {
    private static final Map<String, String> LABEL_BY_FOLDER = Map.of(
            "swe-agent", "swe-agent", "mini-swe-agent", "mini-swe-agent", "claude-code-spotter", "claude-code",
            "claude-code-codemie", "claude-code", "codex-cli", "codex", "openhands", "openhands");

    @TempDir
    Path dir;

    @Test
    void every_corpus_file_is_claimed_by_exactly_its_own_format() throws IOException {
        assumeTrue(Files.isDirectory(Corpus.root()), "corpus not present");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.root())) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(19);
        for (Path file : files) {
            String head = JsonFiles.head(file, TraceFormats.HEAD_CHARS);
            List<String> claimedBy = TraceFormats.all().stream()
                    .filter(format -> format.recognises(file, head)).map(TraceFormat::label).toList();
            String folder = file.getParent().getFileName().toString();
            assertThat(claimedBy).as(file.toString()).containsExactly(LABEL_BY_FOLDER.get(folder));
        }
    }

    @Test
    void the_bundled_demo_recording_is_a_cachet_log() {
        assertThat(TraceFormats.detect(Path.of("../examples/demo/session.jsonl"))).get()
                .extracting(TraceFormat::label).isEqualTo("cachet");
    }

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
    void an_empty_file_matches_no_format() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThatThrownBy(() -> TraceFormats.read(empty)).hasMessageContaining("not a known trajectory format");
    }

    @Test
    void directories_yield_the_trajectories_in_them_and_count_the_rest() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/deep"));
        Files.copy(Path.of("../examples/demo/session.jsonl"), logs.resolve("a.jsonl"));
        Files.writeString(logs.resolve("b.json"), "{\"not\": \"a trace\"}");
        Files.writeString(logs.resolve("c.txt"), "ignored: not a trajectory suffix");

        TraceFiles.Found found = TraceFiles.expand(List.of(dir.resolve("logs")));

        assertThat(found.files()).containsExactly(logs.resolve("a.jsonl"));
        assertThat(found.skipped()).isEqualTo(1);
    }
}
