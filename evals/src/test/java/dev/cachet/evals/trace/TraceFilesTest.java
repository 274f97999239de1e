package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesTest {
    private static final Path LOG = TraceSamples.FIXTURES.resolve("claude-code/session.jsonl");

    @TempDir
    Path dir;

    @Test
    void a_directory_reached_through_links_is_searched_and_each_file_found_once() throws IOException {
        Path disk = Files.createDirectories(dir.resolve("disk/project"));
        Files.copy(LOG, disk.resolve("s.jsonl"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createSymbolicLink(home.resolve("projects"), dir.resolve("disk"));
        // A second way to the same project, and a link back up the tree.
        Files.createSymbolicLink(disk.resolve("again"), disk);
        Files.createSymbolicLink(home.resolve("loop"), home);
        Path linkedHome = Files.createSymbolicLink(dir.resolve("linked-home"), home);

        TraceFiles.Found found = TraceFiles.expand(List.of(linkedHome));

        assertThat(found.files()).containsExactly(linkedHome.resolve("projects/project/s.jsonl").toAbsolutePath());
        assertThat(found.format(found.files().get(0))).isInstanceOf(ClaudeCodeFormat.class);
        assertThat(found.unlisted()).isEmpty();
    }

    @Test
    void a_log_whose_suffix_is_in_capitals_is_found() throws IOException {
        Path log = Files.copy(LOG, dir.resolve("SESSION.JSONL"));

        assertThat(TraceFiles.expand(List.of(dir)).files()).containsExactly(log.toAbsolutePath());
    }

    @Test
    void a_file_in_a_directory_whose_head_cannot_be_read_is_kept_for_its_reader_to_say_why() throws IOException {
        Files.copy(LOG, dir.resolve("s.jsonl"));
        // A regular file that no one, root included, can read from its start.
        Path unreadable = Files.createSymbolicLink(dir.resolve("mem.jsonl"), Path.of("/proc/self/mem"));

        TraceFiles.Found found = TraceFiles.expand(List.of(dir));

        assertThat(found.files()).containsExactly(unreadable.toAbsolutePath(), dir.resolve("s.jsonl").toAbsolutePath());
        assertThat(found.skipped()).isZero();
        assertThatThrownBy(() -> found.format(found.files().get(0))).isInstanceOf(TraceFormatException.class)
                .hasMessage("cannot read " + unreadable.toAbsolutePath() + ": Input/output error");
    }

    @Test
    void a_directory_that_cannot_be_listed_is_said_and_passed_over_and_a_link_back_up_is_not() {
        TraceFiles.Walk walk = new TraceFiles.Walk();
        Path locked = dir.resolve("locked");

        walk.visitFileFailed(locked, new AccessDeniedException(locked.toString()));
        walk.visitFileFailed(dir.resolve("loop"), new FileSystemLoopException(dir.toString()));

        assertThat(walk.unlisted)
                .containsExactly("cannot list " + locked + ": permission denied; the logs in it are not read");
    }
}
