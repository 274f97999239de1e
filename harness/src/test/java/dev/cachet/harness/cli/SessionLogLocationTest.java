package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session logs go to the user's state directory, out of the agent's reach; older versions' logs are still read. */
class SessionLogLocationTest {
    private static final String RECORDING = "replay:" + TraceFixtures.DEMO.toAbsolutePath();

    @TempDir
    Path home;

    @TempDir
    Path state;

    @TempDir
    Path workspace;

    private Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "XDG_STATE_HOME", state.toString());
    }

    private CliRun run() {
        return CliRun.withEnvironment(environment(), "run", "-w", workspace.toString(), "-m", RECORDING, "--sandbox", "full",
                "fix the failing test");
    }

    @Test
    void a_sessions_log_lands_under_xdg_state_home_and_nothing_in_the_workspace() throws IOException {
        CliRun run = run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> logs = logsUnder(state);
        assertThat(logs).singleElement().satisfies(log -> {
            assertThat(log.getParent().getParent()).isEqualTo(state.resolve("cachet/sessions"));
            assertThat(log.getParent().getFileName().toString()).matches(workspace.getFileName() + "-[0-9a-f]{12}");
        });
        assertThat(run.out()).contains("  log " + logs.get(0));
        assertThat(Files.readString(logs.get(0))).contains("\"type\":\"session_start\"");
        assertThat(workspace.resolve(".cachet")).doesNotExist();
        assertThat(home.resolve(".local")).doesNotExist();
    }

    @Test
    void a_symbolic_link_where_cachet_keeps_logs_is_refused_and_nothing_is_written_through_it(@TempDir Path elsewhere)
            throws IOException {
        Files.createSymbolicLink(state.resolve("cachet"), elsewhere);

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: " + state.resolve("cachet") + ": a symbolic link; cachet keeps "
                + "session logs only in a real directory there: remove it and run again");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void a_file_where_cachet_keeps_logs_is_refused() throws IOException {
        Files.createDirectories(state.resolve("cachet"));
        Files.writeString(state.resolve("cachet/sessions"), "");

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).startsWith("cachet: " + state.resolve("cachet/sessions") + ": not a directory;");
    }

    @Test
    void without_paths_stats_reads_cachets_own_logs_and_only_names_those_left_in_the_current_directory()
            throws IOException {
        assertThat(run().exitCode()).isZero();
        Path legacy = Files.createDirectories(workspace.resolve(".cachet/sessions")).resolve("20250101-000000-abcdef.jsonl");
        Files.copy(logsUnder(state).get(0), legacy);

        CliRun stats = CliRun.in(workspace, environment(), "stats", "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode report = Json.mapper().readTree(stats.out());
        assertThat(report.at("/total/sessions").asInt()).as("a cloned repository can plant logs there").isEqualTo(1);
        assertThat(stats.err()).contains("not read: 1 log older versions left in " + legacy.getParent());
    }

    @Test
    void an_old_log_in_the_workspace_is_still_read_by_replay_and_stats() throws IOException {
        assertThat(run().exitCode()).isZero();
        Path legacy = Files.createDirectories(workspace.resolve(".cachet/sessions")).resolve("20250101-000000-abcdef.jsonl");
        Files.move(logsUnder(state).get(0), legacy);

        CliRun stats = CliRun.withEnvironment(environment(), "stats", legacy.toString());
        CliRun replay = CliRun.withEnvironment(environment(), "replay", workspace.resolve(".cachet").toString(),
                "--strategies", "hybrid", "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("total: 1 session, 7 turns");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        // transcript, hybrid, and the log's own bill
        assertThat(Json.mapper().readTree(replay.out()).get("runs")).hasSize(3);
    }

    private static List<Path> logsUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).toList();
        }
    }
}
