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
    void a_file_that_links_also_reach_is_found_by_its_own_path_which_names_its_project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("logs/zz-home-me-app"));
        Files.copy(LOG, project.resolve("s.jsonl"));
        for (String link : List.of("a", "b", "c", "d", "e", "f", "g", "latest")) {
            Files.createSymbolicLink(dir.resolve("logs").resolve(link), project);
        }

        assertThat(TraceFiles.expand(List.of(dir.resolve("logs"))).files())
                .containsExactly(project.resolve("s.jsonl").toAbsolutePath());
    }

    @Test
    void a_claude_code_session_named_brings_its_sub_agents_own_logs_as_its_directory_would() throws IOException {
        Path session = Files.copy(LOG, dir.resolve("s1.jsonl"));
        Path agents = Files.createDirectories(dir.resolve("s1/subagents"));
        Path agent = Files.copy(LOG, agents.resolve("agent-a1.jsonl"));
        Files.createFile(agents.resolve("agent-a2.jsonl"));
        Files.writeString(agents.resolve("agent-a3.meta.json"), "{\"agentType\": \"Explore\"}");
        Files.writeString(agents.resolve("notes.txt"), "not a log");

        TraceFiles.Found named = TraceFiles.expand(List.of(session));
        TraceFiles.Found twice = TraceFiles.expand(List.of(session, dir));

        assertThat(named.files()).containsExactly(session.toAbsolutePath(), agent.toAbsolutePath());
        assertThat(named.format(agent)).isInstanceOf(ClaudeCodeFormat.class);
        assertThat(named.skipped()).as("the meta file, as a directory's walk counts it").isOne();
        assertThat(twice.files()).containsExactlyInAnyOrder(session.toAbsolutePath(), agent.toAbsolutePath());
    }

    @Test
    void a_directory_that_cannot_be_listed_or_entered_is_said_once_and_passed_over_and_a_link_back_up_is_not()
            throws IOException {
        TraceFiles.Walk walk = new TraceFiles.Walk();
        Path locked = Files.createDirectories(dir.resolve("locked"));
        // Listed but not entered: none of its entries can be looked at, and none is there to the walker.
        Path unentered = dir.resolve("unentered");

        walk.visitFileFailed(locked, new AccessDeniedException(locked.toString()));
        walk.visitFileFailed(dir.resolve("loop"), new FileSystemLoopException(dir.toString()));
        walk.visitFileFailed(unentered.resolve("a.jsonl"), new AccessDeniedException("a.jsonl"));
        walk.visitFileFailed(unentered.resolve("notes.txt"), new AccessDeniedException("notes.txt"));

        assertThat(walk.unlisted).containsExactly(
                "cannot list " + locked + ": permission denied; the logs in it are not read",
                "cannot look at the files in " + unentered + ": permission denied; the logs in it are not read");
    }
}
