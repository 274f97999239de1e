package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.harness.demo.BundledExample;
import dev.cachet.providers.session.SessionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `cachet run` prints, by its display options, for the recorded demo session. */
class RunDisplayTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> environment, String... display) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("repo"));
        new BundledExample("demo").checkOut(workspace);
        List<String> args = new java.util.ArrayList<>(List.of("run", "-w", workspace.toString(), "--sandbox", "full",
                "--model", "replay:../examples/demo/session.jsonl"));
        args.addAll(List.of(display));
        args.add("fix the failing test");
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }

    @Test
    void json_prints_one_session_event_per_line_and_nothing_else() throws Exception {
        CliRun run = run(Map.of(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode event = Json.mapper().readTree(line);
            assertThat(SessionEvent.TYPES).contains(event.get("type").asText());
            Json.mapper().treeToValue(event, SessionEvent.class);
        }
        assertThat(Json.mapper().readTree(lines.get(0)).get("type").asText()).isEqualTo("session_start");
        assertThat(Json.mapper().readTree(lines.get(lines.size() - 1)).get("type").asText()).isEqualTo("stop");
    }

    @Test
    void quiet_prints_only_the_summary() throws Exception {
        CliRun run = run(Map.of(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3).first().isEqualTo("stopped: done: the model called finish (7 turns)");
    }

    @Test
    void the_live_view_off_a_terminal_has_no_colour_and_no_spinner() throws Exception {
        CliRun run = run(Map.of("TERM", "xterm-256color"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\u001b[", "\r").contains("  > run_command $ sh check.sh", "    exit 1 (");
    }

    @Test
    void quiet_and_json_together_are_a_usage_error_in_one_line() throws Exception {
        CliRun run = run(Map.of(), "--quiet", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().findFirst().orElseThrow()).contains("--quiet", "--json");
    }
}
