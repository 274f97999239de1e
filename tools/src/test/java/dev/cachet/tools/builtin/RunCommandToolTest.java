package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static dev.cachet.tools.ToolTesting.declining;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import dev.cachet.tools.sandbox.SandboxSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunCommandToolTest {
    private final RunCommandTool tool = new RunCommandTool();

    @TempDir
    Path root;

    @Test
    void reports_the_exit_code_and_the_output() {
        assertThat(call(tool, root, "command", "echo hello; exit 0")).isEqualTo(ToolOutput.ok("exit code 0\nhello\n"));
    }

    @Test
    void a_non_zero_exit_is_an_observation_not_an_error() {
        assertThat(call(tool, root, "command", "echo 'FAILED: 1 test'; exit 2"))
                .isEqualTo(ToolOutput.ok("exit code 2\nFAILED: 1 test\n"));
    }

    @Test
    void runs_in_the_workspace_root() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/marker.txt"), "here\n");

        assertThat(call(tool, root, "command", "pwd -P; cat src/marker.txt"))
                .isEqualTo(ToolOutput.ok("exit code 0\n" + root.toRealPath() + "\nhere\n"));
    }

    @Test
    void merges_stderr_into_the_output() {
        assertThat(call(tool, root, "command", "echo out; echo err >&2"))
                .isEqualTo(ToolOutput.ok("exit code 0\nout\nerr\n"));
    }

    @Test
    void a_timeout_is_an_error_that_keeps_the_output_so_far() {
        long start = System.nanoTime();

        ToolOutput output = call(tool, root, "command", "echo begun; sleep 30", "timeout_seconds", 1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(output.error()).isTrue();
        // The shell may add a "Killed" line of its own for the child killed before it, so only the start is fixed.
        assertThat(output.content()).startsWith("timed out after 1s and was killed; output so far:\nbegun\n");
    }

    @Test
    void uses_the_session_timeout_when_none_is_given() {
        ToolContext context = context(root, Duration.ofSeconds(1), ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS);
        long start = System.nanoTime();

        ToolOutput output = call(tool, context, "command", "sleep 30");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("timed out after 1s and was killed; output so far:\n");
    }

    @Test
    void the_models_timeout_cannot_raise_the_session_timeout() {
        ToolContext context = context(root, Duration.ofSeconds(1), ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS);
        long start = System.nanoTime();

        ToolOutput output = call(tool, context, "command", "sleep 30", "timeout_seconds", 999_999_999);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(output.content()).startsWith("timed out after 1s and was killed; output so far:\n");
    }

    @Test
    void refuses_a_timeout_below_one_second() {
        assertThat(call(tool, root, "command", "true", "timeout_seconds", 0))
                .isEqualTo(ToolOutput.error("run_command: argument 'timeout_seconds' must be at least 1, got 0"));
    }

    @Test
    void caps_the_output_at_the_session_limit_keeping_head_and_tail() {
        ToolContext context = context(root, Duration.ofSeconds(30), 20);

        ToolOutput output = call(tool, context, "command", "printf 'HEAD------'; printf '%0100d' 0; printf '%s' '------TAIL'");

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\nHEAD------\n[... 100 characters cut ...]\n------TAIL"));
    }

    @Test
    void without_bwrap_a_confined_command_is_refused_with_how_to_fix_it(@TempDir Path binWithoutBwrap) {
        ToolContext context = context(root, Map.of("PATH", binWithoutBwrap.toString())).withSandbox(Sandbox.DEFAULT);

        ToolOutput output = call(tool, context, "command", "touch ran");

        assertThat(output).isEqualTo(ToolOutput.error("bwrap (bubblewrap) is not installed: install the 'bubblewrap' "
                + "package, or run with --sandbox full to run commands unsandboxed"));
        assertThat(root.resolve("ran")).doesNotExist();
    }

    @Test
    void without_bwrap_full_runs_the_command_directly(@TempDir Path binWithoutBwrap) {
        ToolContext context = context(root, Map.of("PATH", binWithoutBwrap.toString())).withSandbox(Sandbox.of(SandboxMode.FULL));

        assertThat(call(tool, context, "command", ": > ran")).isEqualTo(ToolOutput.ok("exit code 0\n"));
        assertThat(root.resolve("ran")).exists();
    }

    @Test
    void commands_get_the_environment_cachet_was_given_not_the_processs() {
        ToolContext context = context(root, Map.of("PATH", System.getenv("PATH"), "CACHET_GIVEN_ONLY", "given"));

        assertThat(call(tool, context, "command", "echo \"$CACHET_GIVEN_ONLY;${HOME-unset}\""))
                .isEqualTo(ToolOutput.ok("exit code 0\ngiven;unset\n"));
    }

    @Test
    void asks_before_running_and_runs_nothing_when_the_user_declines() {
        List<String> asked = new ArrayList<>();
        ToolContext context = context(root).withApprover(declining(asked));

        ToolOutput output = call(tool, context, "command", "touch ran");

        assertThat(asked).containsExactly("run `touch ran`");
        assertThat(output).isEqualTo(ToolOutput.error("the user declined: run `touch ran`; nothing was done"));
        assertThat(root.resolve("ran")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(SandboxMode.class)
    void secrets_stay_out_of_the_commands_environment_unless_allowed(SandboxMode mode) {
        SandboxSupport.assumeAvailable(mode, root);
        Map<String, String> parent = Map.of("PATH", System.getenv("PATH"), "FOO_API_KEY", "key-value",
                "GITHUB_TOKEN", "token-value", "MY_SECRET", "secret-value", "NPM_TOKEN", "allowed-value");
        Sandbox sandbox = new Sandbox(mode, Set.of("NPM_TOKEN"), false);

        // Names only: the model never sees a secret's value, even one passed on (see SecretsInToolResultsTest).
        String env = call(tool, context(root, parent).withSandbox(sandbox), "command",
                "env | cut -d= -f1; [ \"$NPM_TOKEN\" = allowed-value ] && echo NPM_TOKEN has its value").content();

        assertThat(env).contains("\nPATH\n", "\nNPM_TOKEN\n", "NPM_TOKEN has its value")
                .doesNotContain("FOO_API_KEY", "GITHUB_TOKEN", "MY_SECRET");
    }

    @Test
    void requires_a_command() {
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error("run_command: missing required string argument 'command'"));
    }
}
