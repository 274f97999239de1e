package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.harness.demo.BundledExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

// Each test has its own workspace and config; the sessions are independent, so they may run side by side.
@Execution(ExecutionMode.CONCURRENT)
class StrategyOptionsTest {
    private static final String RECORDING = "replay:../examples/demo/session.jsonl";

    @TempDir
    Path dir;

    @Test
    void strategies_marks_the_configured_default_and_no_other() throws IOException {
        CliRun run = withConfig("strategy: masking\n", "strategies");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(strategyLine(run, "masking")).endsWith("  (default)");
        assertThat(run.out().lines().filter(l -> l.contains("(default)"))).hasSize(1);
        assertThat(strategyLine(run, "hybrid")).doesNotContain("(default)");
    }

    @Test
    void strategies_marks_hybrid_without_a_config() {
        CliRun run = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "strategies");
        assertThat(run.exitCode()).isZero();
        assertThat(strategyLine(run, "hybrid")).endsWith("  (default)");
        assertThat(strategyLine(run, "masking")).doesNotContain("(default)");
    }

    @Test
    void strategies_shows_configured_parameter_values_and_defaults_for_the_rest() throws IOException {
        CliRun run = withConfig("""
                strategies:
                  masking: {keep: 3}
                  summary: {keep_turns: 7}
                """, "strategies");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).contains(" ".repeat(13) + "keep=3 (>= 1)  observations kept verbatim");
        assertThat(lines).contains(" ".repeat(13) + "keep_turns=7 (>= 1)  most recent turns kept verbatim");
        assertThat(lines).contains(" ".repeat(13) + "max_tokens=40000 (>= 1)  window size that triggers a summary");
        assertThat(lines).doesNotContain(" ".repeat(13) + "keep=10 (>= 1)  observations kept verbatim");
        // hybrid also has a 'keep'; masking's setting is not hybrid's
        assertThat(lines).contains(" ".repeat(13) + "keep=20 (>= 1)  most recent observations never masked");
    }

    @Test
    void strategies_shows_each_parameters_bound_as_set_enforces_it() {
        CliRun run = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "strategies");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> params = run.out().lines().filter(line -> line.startsWith(" ".repeat(13))).toList();
        assertThat(params).isNotEmpty().allSatisfy(line -> assertThat(line).matches(" {13}\\w+=\\d+ \\(>= \\d+\\)  .+"));
        assertThat(params).contains(" ".repeat(13) + "horizon=100 (>= 0)  expected remaining turns, as a percentage of "
                + "the turns so far");
        assertThat(params).contains(" ".repeat(13) + "keep=20 (>= 1)  most recent observations never masked");
        CliRun below = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "run", "-w", dir.toString(),
                "--sandbox", "full", "-m", RECORDING, "-s", "hybrid", "-P", "hybrid.keep=0", "task");
        assertThat(below.err()).contains("parameter keep of strategy hybrid must be >= 1, got 0");
    }

    @Test
    void strategies_with_a_broken_config_is_an_input_error_naming_the_file() throws IOException {
        CliRun run = CliRun.withEnvironment(CliRun.userConfig(dir, "strategy: masking\ncolour: blue\n"), "strategies");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: " + dir.resolve(".config/cachet/config.yaml")
                + ": unknown key 'colour'; known keys: model, base_url, strategy, strategies, mcp_servers, env, sandbox, "
                + "allow_env, allow_network");
    }

    @Test
    void run_with_a_strategy_parameter_finishes_and_logs_the_strategy_and_its_params() throws IOException {
        Path workspace = checkedOutExample();
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING,
                "-s", "masking", "-P", "masking.keep=3", "fix the failing test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("strategy masking").contains("stopped: done: the model called finish");
        JsonNode start = sessionStart(workspace);
        assertThat(start.get("strategy").asText()).isEqualTo("masking");
        assertThat(Json.mapper().convertValue(start.get("strategy_params"), Map.class)).isEqualTo(Map.of("keep", 3));
    }

    @Test
    void the_session_start_records_every_parameter_of_the_strategy_with_defaults_filled_in() throws IOException {
        Path workspace = emptyWorkspace();
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", answerOnly(),
                "-s", "summary", "-P", "summary.keep_turns=4", "fix the failing test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode start = sessionStart(workspace);
        assertThat(start.get("strategy").asText()).isEqualTo("summary");
        assertThat(Json.mapper().convertValue(start.get("strategy_params"), Map.class))
                .isEqualTo(Map.of("keep_turns", 4, "max_tokens", 40_000));
    }

    @Test
    void the_configured_strategy_and_params_are_used_and_a_flag_overrides_a_configured_param() throws IOException {
        String config = """
                strategy: masking
                strategies:
                  masking: {keep: 4}
                """;
        Path fromConfig = emptyWorkspace("from-config");
        CliRun run = withConfig(config, "run", "-w", fromConfig.toString(), "-m", answerOnly(), "fix the failing test");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sessionStart(fromConfig).get("strategy").asText()).isEqualTo("masking");
        assertThat(sessionStart(fromConfig).at("/strategy_params/keep").asInt()).isEqualTo(4);

        Path overridden = emptyWorkspace("overridden");
        run = withConfig(config, "run", "-w", overridden.toString(), "-m", answerOnly(), "-P", "masking.keep=2", "fix the failing test");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sessionStart(overridden).at("/strategy_params/keep").asInt()).isEqualTo(2);
    }

    @Test
    void a_strategy_flag_overrides_the_configured_strategy_and_takes_its_own_configured_params() throws IOException {
        Path workspace = emptyWorkspace();
        CliRun run = withConfig("""
                strategy: masking
                strategies:
                  masking: {keep: 4}
                  state: {keep_turns: 6}
                """, "run", "-w", workspace.toString(), "-m", answerOnly(), "-s", "state", "fix the failing test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode start = sessionStart(workspace);
        assertThat(start.get("strategy").asText()).isEqualTo("state");
        assertThat(Json.mapper().convertValue(start.get("strategy_params"), Map.class)).isEqualTo(Map.of("keep_turns", 6));
    }

    @Test
    void demo_runs_with_a_strategy_parameter() throws IOException {
        CliRun run = withConfig("", "demo", "-s", "masking", "-P", "masking.keep=3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("strategy masking").contains("check:   sh check.sh -> passed (exit 0)");
    }

    @Test
    void an_unknown_parameter_is_an_input_error_in_one_line_naming_strategy_and_parameter() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING,
                "-s", "masking", "-P", "masking.nope=1", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err().strip()).isEqualTo("cachet: strategy masking has no parameter 'nope'; it takes keep");
        assertThat(CliRun.logs(home(), workspace)).isEmpty();
    }

    @Test
    void run_takes_the_same_strategy_dot_name_syntax_as_replay_and_eval() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING, "-s", "masking", "-P", "keep=3", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).isEqualTo("cachet: Invalid value for option '--param' (STRATEGY.NAME=N): 'keep' is "
                + "not STRATEGY.NAME, e.g. hybrid.keep (see 'cachet run --help')");
    }

    @Test
    void a_parameter_for_a_strategy_that_takes_none_names_it() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING,
                "-s", "transcript", "-P", "transcript.keep=1", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: strategy transcript has no parameter 'keep'; it takes none");
    }

    @Test
    void an_unknown_parameter_in_the_config_for_the_chosen_strategy_is_an_input_error() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("strategies: {masking: {nope: 1}}\n",
                "run", "-w", workspace.toString(), "-m", RECORDING, "-s", "masking", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("masking").contains("'nope'");
    }

    @Test
    void a_value_below_the_least_is_an_input_error_naming_strategy_and_parameter() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING,
                "-s", "masking", "-P", "masking.keep=0", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: parameter keep of strategy masking must be >= 1, got 0");
    }

    @Test
    void the_smallest_allowed_value_is_valid() throws IOException {
        Path workspace = emptyWorkspace();
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", answerOnly(),
                "-s", "state", "-P", "state.keep_turns=1", "fix the failing test");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sessionStart(workspace).at("/strategy_params/keep_turns").asInt()).isEqualTo(1);
    }

    @Test
    void a_value_that_is_not_a_number_is_a_usage_error() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        CliRun run = withConfig("", "run", "-w", workspace.toString(), "-m", RECORDING,
                "-s", "masking", "-P", "masking.keep=x", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("cachet: ").contains("x").contains("cachet run --help");
        assertThat(CliRun.logs(home(), workspace)).isEmpty();
    }

    @Test
    void a_parameter_without_a_value_is_a_usage_error() {
        CliRun run = CliRun.of("demo", "-s", "masking", "-P", "keep");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("cachet: ").contains("cachet demo --help");
    }

    private CliRun withConfig(String yaml, String... args) {
        return CliRun.withEnvironment(CliRun.userConfig(dir.resolve("home"), yaml), args);
    }

    private Map<String, String> home() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    private static String strategyLine(CliRun run, String name) {
        return run.out().lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + run.out()));
    }

    // A recording whose one turn answers without calling a tool: the session starts, logs and stops at once.
    private String answerOnly() throws IOException {
        Path recording = dir.resolve("answer-only.jsonl");
        if (!Files.exists(recording)) {
            Files.writeString(recording, "{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"done\"}}\n");
        }
        return "replay:" + recording;
    }

    private Path emptyWorkspace() throws IOException {
        return emptyWorkspace("ws");
    }

    private Path emptyWorkspace(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private Path checkedOutExample() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("repo"));
        new BundledExample("demo").checkOut(workspace);
        return workspace;
    }

    private JsonNode sessionStart(Path workspace) throws IOException {
        List<Path> all = CliRun.logs(home(), workspace);
        assertThat(all).hasSize(1);
        Path log = all.get(0);
        JsonNode first = Json.mapper().readTree(Files.readAllLines(log).get(0));
        assertThat(first.get("type").asText()).isEqualTo("session_start");
        return first;
    }
}
