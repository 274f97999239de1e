package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.config.Config;
import dev.cachet.harness.config.SandboxSettings;
import dev.cachet.harness.demo.BundledExample;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.HiddenPaths;
import dev.cachet.tools.sandbox.ProcessLimits;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import picocli.CommandLine;

// Each test has its own workspace; the sessions are independent, so they may run side by side.
@Execution(ExecutionMode.CONCURRENT)
class SandboxOptionsTest {
    private static final String RECORDING = "replay:../examples/demo/session.jsonl";

    @TempDir
    Path dir;

    private static SessionOptions parse(String... args) {
        return CommandLine.populateCommand(new SessionOptions(), args);
    }

    @Test
    void by_default_the_workspace_is_writable_nothing_secret_is_passed_and_nobody_is_asked() {
        SessionOptions options = parse();

        assertThat(options.sandbox.sandbox(Map.of(), new PrintWriter(new StringWriter()), dir)).isEqualTo(Sandbox.DEFAULT);
        assertThat(options.approver(new PrintWriter(new StringWriter()))).isSameAs(Approver.ALWAYS);
    }

    @Test
    void reads_the_mode_the_allowed_variables_and_the_network() {
        SessionOptions options = parse("--sandbox", "read-only", "--allow-env", "NPM_TOKEN", "--allow-env", "PIP_INDEX_KEY",
                "--allow-network");

        assertThat(options.sandbox.sandbox(Map.of(), new PrintWriter(new StringWriter()), dir))
                .isEqualTo(new Sandbox(SandboxMode.READ_ONLY, Set.of("NPM_TOKEN", "PIP_INDEX_KEY"), true));
    }

    @Test
    void the_config_sets_the_defaults_of_the_sandbox_flags_and_flags_win() {
        Config config = new Config(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
                new SandboxSettings(Optional.of(SandboxMode.FULL), Optional.of(true), List.of("NPM_TOKEN", "PIP_INDEX_KEY")));
        PrintWriter quiet = new PrintWriter(new StringWriter());

        SessionOptions configured = withConfig(config);
        SessionOptions flagged = withConfig(config, "--sandbox", "read-only", "--allow-env", "GH_TOKEN");

        assertThat(configured.sandbox.sandbox(Map.of(), quiet, dir))
                .isEqualTo(new Sandbox(SandboxMode.FULL, Set.of("NPM_TOKEN", "PIP_INDEX_KEY"), true));
        assertThat(flagged.sandbox.sandbox(Map.of(), quiet, dir))
                .isEqualTo(new Sandbox(SandboxMode.READ_ONLY, Set.of("GH_TOKEN"), true));
    }

    private static SessionOptions withConfig(Config config, String... args) {
        SessionOptions options = new SessionOptions();
        new CommandLine(options).setDefaultValueProvider(new ConfigDefaults(() -> config)).parseArgs(args);
        return options;
    }

    @Test
    void reads_the_paths_to_hide_and_to_show() {
        SessionOptions options = parse("--deny-read", "/srv/vault", "--deny-read", "/etc/shadow",
                "--allow-read", "/home/dev/.docker");

        assertThat(options.sandbox.sandbox(Map.of(), new PrintWriter(new StringWriter()), dir).hidden())
                .isEqualTo(new HiddenPaths(List.of(Path.of("/srv/vault"), Path.of("/etc/shadow")),
                        List.of(Path.of("/home/dev/.docker"))));
    }

    @Test
    void reads_the_process_and_memory_limit_of_each_command() {
        SessionOptions options = parse("--max-processes", "64", "--max-memory", "512m");

        assertThat(options.sandbox.sandbox(Map.of(), new PrintWriter(new StringWriter()), dir).limits())
                .isEqualTo(new ProcessLimits(64, 512L << 20));
        assertThat(parse("--max-memory", "2G").sandbox.sandbox(Map.of(), new PrintWriter(new StringWriter()), dir).limits())
                .isEqualTo(new ProcessLimits(ProcessLimits.DEFAULT.processes(), 2L << 30));
    }

    @Test
    void a_limit_that_is_not_a_size_or_not_positive_is_a_usage_error_naming_it() {
        CliRun size = CliRun.of("run", "-m", RECORDING, "--max-memory", "lots", "task");
        CliRun count = CliRun.of("run", "-m", RECORDING, "--max-processes", "0", "task");

        assertThat(size.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(size.err()).contains("'lots' is not a size such as 512m or 8g");
        assertThat(count.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(count.err()).contains("--max-processes").contains("must be at least 1, got 0");
    }

    @Test
    void an_unknown_mode_is_a_usage_error_naming_the_modes() {
        CliRun run = CliRun.of("run", "-m", RECORDING, "--sandbox", "yolo", "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown sandbox mode 'yolo'; expected read-only, workspace-write, full")
                .contains("cachet run --help");
    }

    @Test
    void read_only_refuses_the_agents_edit_and_tells_the_model_how_to_allow_it() throws IOException {
        Path workspace = checkedOutExample();
        String before = Files.readString(workspace.resolve("src/TextWrap.java"));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", RECORDING, "--sandbox", "read-only", "fix the bug");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(workspace.resolve("src/TextWrap.java")).hasContent(before);
        assertThat(sessionLog(workspace)).contains("read-only sandbox: edit_file refused; run with --sandbox workspace-write to allow edits");
    }

    @Test
    void approve_without_a_terminal_declines_every_command_and_edit() throws IOException {
        Path workspace = checkedOutExample();
        String before = Files.readString(workspace.resolve("src/TextWrap.java"));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", RECORDING, "--sandbox", "full", "--approve", "fix the bug");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("cachet: declined run `sh check.sh`: --approve asks on a terminal, and stdin is not one")
                .contains("cachet: declined edit src/TextWrap.java");
        assertThat(workspace.resolve("src/TextWrap.java")).hasContent(before);
        assertThat(workspace.resolve("build")).as("check.sh did not run").doesNotExist();
        assertThat(sessionLog(workspace)).contains("the user declined: run `sh check.sh`; nothing was done");
    }

    private Path checkedOutExample() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("repo"));
        new BundledExample("demo").checkOut(workspace);
        return workspace;
    }

    private static String sessionLog(Path workspace) throws IOException {
        List<Path> all = CliRun.logs(workspace);
        assertThat(all).hasSize(1);
        return Files.readString(all.get(0));
    }
}
