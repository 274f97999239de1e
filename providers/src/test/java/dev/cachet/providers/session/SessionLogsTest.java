package dev.cachet.providers.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogsTest {
    @TempDir
    Path state;

    @TempDir
    Path workspaces;

    private SessionLogs logs() {
        return new SessionLogs(state);
    }

    @Test
    void a_new_log_goes_under_the_state_directory_in_a_folder_named_after_the_workspace() throws IOException {
        Path workspace = Files.createDirectories(workspaces.resolve("my app"));

        Path log = logs().create(workspace, "s1");

        assertThat(log.getParent()).isDirectory().isEqualTo(logs().directoryFor(workspace));
        assertThat(log).isEqualTo(logs().pathFor(workspace, "s1"));
        assertThat(state.relativize(log).toString()).matches("cachet/sessions/my_app-[0-9a-f]{12}/s1\\.jsonl");
    }

    @Test
    void two_workspaces_with_the_same_name_never_share_a_folder_and_a_link_shares_its_targets() throws IOException {
        Path one = Files.createDirectories(workspaces.resolve("a/repo"));
        Path two = Files.createDirectories(workspaces.resolve("b/repo"));
        Path link = Files.createSymbolicLink(workspaces.resolve("link"), one);

        assertThat(logs().directoryFor(one)).isNotEqualTo(logs().directoryFor(two));
        assertThat(logs().directoryFor(link)).isEqualTo(logs().directoryFor(one));
        // Each is known by its workspace's name, and by no other.
        String folder = logs().directoryFor(one).getFileName().toString();
        assertThat(SessionLogs.namesWorkspace(folder, "repo")).isTrue();
        assertThat(SessionLogs.namesWorkspace(folder, "rep")).isFalse();
        assertThat(SessionLogs.namesWorkspace("repo-notahash12", "repo")).isFalse();
    }

    @Test
    void listing_and_finding_never_take_a_log_from_the_workspace_where_an_agent_or_a_cloned_repository_can_plant_one()
            throws IOException {
        Path workspace = Files.createDirectories(workspaces.resolve("repo"));
        Path written = logs().create(workspace, "20260102-000000-bbbbbb");
        Files.writeString(written, "{}\n");
        Path planted = Files.createDirectories(SessionLogs.legacyDirectory(workspace)).resolve("20250101-000000-aaaaaa.jsonl");
        Files.writeString(planted, "{}\n");

        assertThat(logs().list(workspace)).containsExactly(written);
        assertThat(logs().find(workspace, "20260102-000000-bbbbbb")).contains(written);
        assertThat(logs().find(workspace, "20250101-000000-aaaaaa")).isEmpty();
        assertThat(logs().find(workspace, "nope")).isEmpty();
        assertThat(SessionLogs.leftInWorkspace(workspace)).containsExactly(planted);
        assertThat(SessionLogs.leftInWorkspace(workspaces.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void a_symbolic_link_in_place_of_any_folder_cachet_makes_is_refused(@TempDir Path elsewhere) throws IOException {
        Path workspace = Files.createDirectories(workspaces.resolve("repo"));
        Files.createDirectories(state.resolve("cachet/sessions"));
        Files.createSymbolicLink(logs().directoryFor(workspace), elsewhere);

        assertThatThrownBy(() -> logs().create(workspace, "s1"))
                .isInstanceOf(SessionLogException.class)
                .hasMessageStartingWith(logs().directoryFor(workspace) + ": a symbolic link;");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void a_missing_state_directory_is_made() throws IOException {
        Path workspace = Files.createDirectories(workspaces.resolve("repo"));
        SessionLogs deeper = new SessionLogs(state.resolve("not/yet"));

        assertThat(deeper.create(workspace, "s1").getParent()).isDirectory();
    }
}
