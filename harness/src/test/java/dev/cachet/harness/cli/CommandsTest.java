package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.demo.BundledExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

// Each test has its own workspace and harness; running them side by side halves this slow class.
@Execution(ExecutionMode.CONCURRENT)
class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void help_lists_every_command() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "run", "strategies", "tools").doesNotContain("not implemented");
    }

    @Test
    void version_names_cachet() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("cachet ");
    }

    @Test
    void strategies_lists_the_default() {
        CliRun run = CliRun.of("strategies");
        assertThat(run.out()).contains("transcript").contains("(default)");
    }

    @Test
    void tools_lists_every_core_tool_with_its_token_cost_and_what_each_loading_sends() {
        CliRun run = CliRun.of("tools");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read_file", "list_files", "grep", "edit_file", "write_file", "run_command",
                "git_status", "git_diff", "finish");
        assertThat(run.out()).containsPattern("read_file\\s+core\\s+cachet\\s+\\d+")
                .containsPattern("--tools eager\\s+[\\d,]{3,} tokens")
                .containsPattern("--tools deferred\\s+[\\d,]{3,} tokens");
    }

    @Test
    void tools_starts_mcp_servers_without_the_variables_that_name_the_workspace_and_says_which() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Map<String, String> environment = new HashMap<>(CliRun.userConfig(Files.createDirectories(dir.resolve("home")),
                "mcp_servers:\n  broken:\n    command: [\"false\"]\n"));
        environment.put("PYTHONPATH", workspace.resolve("src").toString());

        CliRun run = CliRun.in(workspace, environment, "tools");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: mcp servers are started without PYTHONPATH: it names the workspace");
    }

    @Test
    void demo_fixes_the_bundled_bug_and_its_check_passes() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  > list_files").contains("  > edit_file src/TextWrap.java")
                .containsPattern("(?m)^    -.*< width\\) \\{$").containsPattern("(?m)^    \\+.*<= width\\) \\{$")
                .contains("  > finish").containsPattern("turn   7  in [\\d,]+ .*\\$0\\.\\d{4} this turn  total \\$0\\.\\d{4}")
                .contains("stopped: done: the model called finish (7 turns)")
                .containsPattern("cost: +\\$0\\.\\d{4}, cache hit rate \\d+\\.\\d%")
                .contains("check:   sh check.sh -> passed (exit 0)");
    }

    @Test
    void run_with_the_recorded_session_fixes_a_copy_of_the_example_repo() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("repo"));
        new BundledExample("demo").checkOut(workspace);
        assertThat(check(workspace)).isNotZero();

        CliRun run = CliRun.of("run", "--workspace", workspace.toString(),
                "--model", "replay:../examples/demo/session.jsonl", "fix the failing test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(workspace.resolve("src/TextWrap.java"))).contains("word.length() <= width");
        assertThat(check(workspace)).isZero();
        assertThat(workspace.resolve(".cachet")).as("cachet writes nothing of its own into the workspace").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"transcript", "masking", "summary", "state", "hybrid"})
    void every_strategy_runs_the_recorded_session_to_a_fixed_repo(String strategy) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("repo-" + strategy));
        new BundledExample("demo").checkOut(workspace);

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "replay:../examples/demo/session.jsonl",
                "-s", strategy, "fix the failing test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("strategy " + strategy).contains("stopped: done: the model called finish (7 turns)");
        assertThat(check(workspace)).isZero();
    }

    @Test
    void an_hour_long_cache_bills_the_demo_writes_at_the_one_hour_rate() {
        String fiveMinutes = CliRun.of("demo").out();
        String oneHour = CliRun.of("demo", "--cache-ttl", "1h").out();

        // Same tokens, writes at $6.00 instead of $3.75 per million (claude-sonnet-4-6).
        assertThat(tokensLine(oneHour)).isEqualTo(tokensLine(fiveMinutes));
        assertThat(cost(oneHour) - cost(fiveMinutes)).isCloseTo(cacheWrites(fiveMinutes) * (6.00 - 3.75) / 1e6,
                org.assertj.core.data.Offset.offset(0.0001));
    }

    private static String tokensLine(String out) {
        return out.lines().filter(l -> l.startsWith("tokens:")).findFirst().orElseThrow();
    }

    private static double cost(String out) {
        String line = out.lines().filter(l -> l.startsWith("cost:")).findFirst().orElseThrow();
        return Double.parseDouble(line.replaceAll(".*\\$([0-9.]+),.*", "$1"));
    }

    private static long cacheWrites(String out) {
        return Long.parseLong(tokensLine(out).replaceAll(".*cache write ([0-9,]+),.*", "$1").replace(",", ""));
    }

    @Test
    void a_limit_that_stops_the_session_exits_with_the_limit_code() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("repo"));
        new BundledExample("demo").checkOut(workspace);
        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "replay:../examples/demo/session.jsonl",
                "--max-turns", "2", "fix it");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.LIMIT);
        assertThat(run.out()).contains("stopped: max turns: reached 2 turns");
    }

    private static int check(Path workspace) throws Exception {
        Process process = new ProcessBuilder("sh", "check.sh").directory(workspace.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}
