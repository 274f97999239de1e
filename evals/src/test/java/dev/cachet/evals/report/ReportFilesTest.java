package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void a_report_replaces_the_last_one_whole() throws IOException {
        Path report = Files.writeString(dir.resolve("replay.md"), "old");

        ReportFiles.write(report, "new");

        assertThat(report).hasContent("new");
        assertThat(dir).isDirectoryNotContaining(path -> path.toString().endsWith(".partial"));
    }

    @Test
    void a_report_that_cannot_take_its_place_fails_naming_it_and_leaves_no_partial_file() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("replay.json/inside")).getParent();

        assertThatThrownBy(() -> ReportFiles.write(taken, "{}")).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + taken);
        assertThat(dir).isDirectoryNotContaining(path -> path.toString().endsWith(".partial"));
        assertThat(taken.resolve("inside")).isDirectory();
    }

    @Test
    void a_lone_surrogate_a_log_held_is_written_as_a_question_mark() throws IOException {
        // A log's JSON can name a model "\\ud800": the strict encoder refused the whole report, and replay --out
        // wrote no file at all ("Input length = 1"), where printed the same report shows a ? as stdout's encoder does.
        Path report = dir.resolve("replay.md");

        ReportFiles.write(report, "| Plan\ud800-1 |");

        assertThat(Files.readString(report)).isEqualTo("| Plan?-1 |");
    }
}
