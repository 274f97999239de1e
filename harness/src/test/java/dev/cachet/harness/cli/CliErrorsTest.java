package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void an_unknown_flag_is_a_usage_error_with_one_line_and_a_hint() {
        CliRun run = CliRun.of("run", "--model", "replay:x", "--frobnicate", "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("cachet: Unknown option: '--frobnicate'").contains("cachet run --help");
    }

    @Test
    void an_unknown_command_is_a_usage_error_that_says_so_and_suggests_the_one_meant() {
        CliRun teleport = CliRun.of("teleport");
        CliRun misspelt = CliRun.of("stast");

        assertThat(teleport.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(teleport.err().strip()).isEqualTo("cachet: unknown command 'teleport' (see 'cachet --help')");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err().strip())
                .isEqualTo("cachet: unknown command 'stast'; did you mean 'stats'? (see 'cachet --help')");
    }

    @Test
    void sessions_of_a_workspace_that_is_not_there_is_an_input_error() {
        CliRun run = CliRun.of("sessions", "-w", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: workspace " + dir.resolve("nowhere")
                + " does not exist or is not a directory");
    }

    @Test
    void a_duration_of_zero_where_one_is_needed_says_it_must_be_more() {
        CliRun run = CliRun.of("run", "--model", "replay:x", "--max-time", "0s", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'0s': the duration must be more than 0");
    }

    @Test
    void a_session_to_resume_by_a_path_that_is_not_there_says_so() {
        Path missing = dir.resolve("nosuch.jsonl");

        CliRun run = CliRun.of("resume", "-w", dir.toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains(missing + ": no such file");
    }

    @Test
    void replay_as_a_model_without_a_recording_says_how_to_name_one() {
        CliRun run = CliRun.of("run", "-w", dir.toString(), "--model", "replay", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("or replay:<session.jsonl> to answer from a recorded session");
    }

    @Test
    void a_blank_task_is_a_usage_error_before_anything_runs() {
        for (String blank : new String[] {"", "  \n"}) {
            CliRun run = CliRun.of("run", "-w", dir.toString(), "--model", "replay:x", blank);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).singleElement().asString()
                    .contains("(TASK): the task is empty; say what the agent should do").endsWith("(see 'cachet run --help')");
        }
    }

    @Test
    void a_bad_duration_names_the_value_and_the_expected_form() {
        CliRun run = CliRun.of("run", "--model", "replay:x", "--max-time", "soon", "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'soon' is not a duration like 90s, 30m or 2h");
    }

    @Test
    void a_cache_lifetime_no_provider_sells_is_an_input_error() {
        CliRun run = CliRun.of("run", "-w", dir.toString(), "-m", "replay:x", "--cache-ttl", "10m", "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: --cache-ttl must be 5m or 1h (the two lifetimes providers sell) or "
                + "auto (each request's from the cost model), got 10m");
    }

    @Test
    void the_demo_refuses_a_bad_flag_before_it_starts() {
        CliRun run = CliRun.of("demo", "--cache-ttl", "90s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.out()).as("no workspace made, no header printed").isEmpty();
        assertThat(run.err().strip()).endsWith("got 90s");
        CliRun strategy = CliRun.of("demo", "--strategy", "nosuch", "--keep");
        assertThat(strategy.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(strategy.out()).as("no workspace made, none kept").isEmpty();
    }

    @Test
    void a_workspace_that_is_no_folder_is_named_before_a_missing_key_by_run_chat_and_resume() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "");
        ChatRun terminal = new ChatRun("/help");

        for (CliRun run : List.of(CliRun.withEnvironment(Map.of(), "run", "-w", file.toString(), "task"),
                CliRun.withEnvironment(Map.of(), "resume", "-w", file.toString()),
                terminal.run("chat", "-w", file.toString()))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
            assertThat(run.err().strip()).isEqualTo("cachet: workspace " + file + " does not exist or is not a directory");
        }
    }

    @Test
    void a_bwrap_only_inside_the_workspace_is_said_up_front_to_be_of_no_use() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path bin = Files.createDirectories(workspace.resolve(".venv/bin"));
        for (String program : List.of("bwrap", "prlimit")) {
            Files.writeString(bin.resolve(program), "#!/bin/sh\n");
            Files.setPosixFilePermissions(bin.resolve(program), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path recording = recording("{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"hi\"}}");

        CliRun run = CliRun.withEnvironment(Map.of("PATH", bin.toString()), "run", "-w", workspace.toString(), "-m",
                "replay:" + recording, "task");

        assertThat(run.out() + run.err()).contains("warning: the agent's commands will be refused: bwrap (bubblewrap) "
                + "is not installed");
    }

    @Test
    void a_missing_workspace_is_an_input_error_naming_it() throws Exception {
        Path recording = recording("{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"hi\"}}");
        Path missing = dir.resolve("nowhere");
        CliRun run = CliRun.of("run", "--workspace", missing.toString(), "--model", "replay:" + recording, "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: workspace " + missing + " does not exist or is not a directory");
    }

    @Test
    void an_unknown_model_provider_is_an_input_error() {
        CliRun run = CliRun.of("run", "--workspace", dir.toString(), "--model", "skynet:9000", "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("unknown model provider 'skynet' in 'skynet:9000'");
    }

    @Test
    void an_unknown_strategy_is_an_input_error_listing_the_known_ones() throws Exception {
        Path recording = recording("{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"hi\"}}");
        CliRun run = CliRun.of("run", "-w", dir.toString(), "-m", "replay:" + recording, "-s", "psychic", "task");
        // A chat says so before its prompt, not at its first task.
        CliRun chat = new ChatRun("a task").run("chat", "-w", dir.toString(), "-m", "replay:" + recording, "-s", "psychic");

        for (CliRun refused : List.of(run, chat)) {
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(refused.err()).contains("unknown strategy 'psychic'; available: transcript");
            assertThat(refused.out()).doesNotContain("cachet chat in");
        }
    }

    @Test
    void a_missing_recording_is_an_input_error() {
        Path missing = dir.resolve("missing.jsonl");
        CliRun run = CliRun.of("run", "-w", dir.toString(), "-m", "replay:" + missing, "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: session log not found: " + missing);
    }

    @Test
    void a_malformed_recording_names_file_and_line() throws Exception {
        Path recording = recording("{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"hi\"}}", "{\"type\": \"mod");
        CliRun run = CliRun.of("run", "-w", dir.toString(), "-m", "replay:" + recording, "task");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).startsWith("cachet: " + recording + ":2: not valid JSON");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void a_recording_that_runs_out_is_a_provider_error_and_the_log_keeps_every_turn_before_it() throws Exception {
        Path recording = recording("{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"\","
                + "\"tool_calls\":[{\"id\":\"c1\",\"name\":\"list_files\",\"arguments\":\"{}\"}]}}");
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "replay:" + recording, "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROVIDER);
        assertThat(run.err()).contains("has 1 recorded turns and the session asked for turn 2");
        Path log = CliRun.logs(workspace).get(0);
        assertThat(Files.readAllLines(log)).extracting(l -> l.replaceAll("^.*?\"type\":\"([a-z_]+)\".*", "$1"))
                .containsExactly("session_start", "window", "cache_prediction", "model_response", "tool_call", "tool_result",
                        "window", "stop");
    }

    @Test
    void a_malformed_user_config_stops_every_command_naming_file_and_line() {
        Map<String, String> user = CliRun.userConfig(dir.resolve("home"), "strategy: masking\nstrategies: [\n");
        Path config = dir.resolve("home/.config/cachet/config.yaml");
        for (String command : List.of("stats", "strategies", "sessions", "tools")) {
            CliRun run = CliRun.withEnvironment(user, command);
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.INPUT);
            assertThat(run.err().lines()).as(command).singleElement().asString()
                    .startsWith("cachet: " + config + ":3: not valid YAML: ");
        }
        assertThat(CliRun.withEnvironment(user, "stats", "--help").exitCode()).as("help still helps").isZero();
        CliRun status = CliRun.withInput(java.time.Clock.systemUTC(), user, "{}", "statusline");
        assertThat(status.exitCode()).as("a status line never breaks the prompt").isZero();
        assertThat(status.out()).isNotBlank();
    }

    private Path recording(String... lines) throws Exception {
        return Files.write(dir.resolve("recording.jsonl"), java.util.List.of(lines));
    }
}
