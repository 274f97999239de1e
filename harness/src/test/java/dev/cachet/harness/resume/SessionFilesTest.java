package dev.cachet.harness.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import dev.cachet.providers.session.SessionLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFilesTest {
    @TempDir
    Path dir;

    private Path workspace() throws IOException {
        return Files.createDirectories(dir.resolve("ws"));
    }

    private SessionLogs logs() {
        return new SessionLogs(dir.resolve("state"));
    }

    private Path log(String id, String modified) throws IOException {
        Path log = logs().create(workspace(), id);
        return written(log, modified);
    }

    private Path legacyLog(String id, String modified) throws IOException {
        Path log = Files.createDirectories(SessionLogs.legacyDirectory(workspace())).resolve(id + ".jsonl");
        return written(log, modified);
    }

    private static Path written(Path log, String modified) throws IOException {
        Files.writeString(log, "{}\n");
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse(modified)));
        return log;
    }

    @Test
    void lists_the_logs_the_one_written_to_last_first_and_finds_it_without_an_id() throws IOException {
        Path older = log("20261201-100000-aaaaaa", "2026-12-05T10:00:00Z");
        Path resumedLater = log("20261130-100000-bbbbbb", "2026-12-05T11:00:00Z");
        legacyLog("20261129-100000-cccccc", "2026-12-05T12:00:00Z");
        Files.writeString(logs().directoryFor(workspace()).resolve("notes.txt"), "not a log");

        SessionFiles sessions = SessionFiles.of(logs(), workspace());
        assertThat(sessions.all()).containsExactly(resumedLater, older);
        assertThat(sessions.find(Optional.empty())).isEqualTo(resumedLater);
    }

    @Test
    void an_empty_log_is_no_session_to_list_or_resume() throws IOException {
        Path session = log("20261201-100000-aaaaaa", "2026-12-05T10:00:00Z");
        Path empty = log("20261202-100000-bbbbbb", "2026-12-05T11:00:00Z");
        Files.writeString(empty, "");

        SessionFiles sessions = SessionFiles.of(logs(), workspace());
        assertThat(sessions.all()).containsExactly(session);
        assertThat(sessions.find(Optional.empty())).isEqualTo(session);
    }

    @Test
    void finds_a_log_by_id_or_by_path_and_names_what_it_cannot_find() throws IOException {
        Path log = log("20261201-100000-aaaaaa", "2026-12-05T10:00:00Z");
        SessionFiles sessions = SessionFiles.of(logs(), workspace());

        assertThat(sessions.find(Optional.of("20261201-100000-aaaaaa"))).isEqualTo(log);
        assertThat(sessions.find(Optional.of(log.toString()))).isEqualTo(log);
        assertThatThrownBy(() -> sessions.find(Optional.of("nope"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no session 'nope'").hasMessageContaining("cachet sessions");
        SessionFiles nowhere = SessionFiles.of(logs(), dir.resolve("no-such-directory"));
        assertThat(nowhere.all()).isEmpty();
        assertThatThrownBy(() -> nowhere.find(Optional.empty())).hasMessageStartingWith("no sessions to resume");
    }

    @Test
    void a_log_left_in_the_workspace_is_resumed_only_by_its_path_never_by_id_nor_as_the_last_one() throws IOException {
        Path legacy = legacyLog("20261129-100000-cccccc", "2026-12-05T09:00:00Z");
        SessionFiles sessions = SessionFiles.of(logs(), workspace());

        assertThat(sessions.all()).isEmpty();
        assertThat(sessions.leftInWorkspace()).containsExactly(legacy);
        assertThatThrownBy(() -> sessions.find(Optional.of("20261129-100000-cccccc")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(legacy.toString())
                .hasMessageContaining("by its path");
        assertThatThrownBy(() -> sessions.find(Optional.empty())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("no sessions to resume")
                .hasMessageContaining("1 log older versions left in " + legacy.getParent());
        assertThat(sessions.find(Optional.of(legacy.toString()))).isEqualTo(legacy);
    }
}
