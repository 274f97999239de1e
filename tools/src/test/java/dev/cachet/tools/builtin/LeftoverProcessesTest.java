package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.command.Processes;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import dev.cachet.tools.sandbox.SandboxSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No process a command starts outlives it, in any sandbox mode: background jobs, nohup, setsid and double forks
 * included. Each daemon carries a unique marker in its command line, so a survivor is found in /proc.
 */
class LeftoverProcessesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final RunCommandTool tool = new RunCommandTool();
    private final String marker = "cachet-daemon-" + UUID.randomUUID();

    @TempDir
    Path root;

    @AfterEach
    void kill_survivors() throws IOException {
        // Only after a failure is there anything to kill; looking again catches one that forked meanwhile.
        List<Long> left = Processes.runningWith(marker, Duration.ZERO);
        for (int round = 0; round < 10 && !left.isEmpty(); round++) {
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            left = Processes.runningWith(marker, PATIENCE);
        }
        Files.deleteIfExists(ready());
    }

    static Stream<Arguments> daemons() {
        List<String> forms = List.of(
                "DAEMON > /dev/null 2>&1 &",
                "DAEMON &",
                "nohup DAEMON > /dev/null 2>&1 &",
                "setsid DAEMON > /dev/null 2>&1 &",
                "(setsid DAEMON > /dev/null 2>&1 &);",
                "(set -m; DAEMON > /dev/null 2>&1 &);");
        return Stream.of(SandboxMode.values()).flatMap(mode -> forms.stream().map(form -> Arguments.of(mode, form)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("daemons")
    void a_daemon_ends_with_the_command(SandboxMode mode, String form) {
        ToolOutput output = call(tool, in(mode), "command",
                form.replace("DAEMON", daemon()) + awaitDaemon() + "echo started");

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\nstarted\n"));
        assertThat(Processes.runningWith(marker, PATIENCE)).as("processes left running").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SandboxMode.class)
    void a_double_forked_daemon_ends_with_a_command_that_times_out(SandboxMode mode) {
        ToolOutput output = call(tool, in(mode), "command",
                "(setsid " + daemon() + " > /dev/null 2>&1 &);" + awaitDaemon() + "sleep 30", "timeout_seconds", 1);

        assertThat(output.content()).startsWith("timed out after 1s");
        assertThat(Processes.runningWith(marker, PATIENCE)).as("processes left running").isEmpty();
    }

    // A shell looping forever, with the marker as its $0 so it shows in /proc/<pid>/cmdline, that says when it runs.
    private String daemon() {
        return "sh -c 'touch " + ready() + "; while :; do sleep 1; done' " + marker;
    }

    // So the command ends only once its daemon is running, and a daemon that never started cannot pass for one killed.
    private String awaitDaemon() {
        return " while [ ! -e " + ready() + " ]; do :; done; ";
    }

    // In /tmp, which confined commands can write (their own private one) in every mode.
    private Path ready() {
        return Path.of("/tmp", marker + ".ready");
    }

    private ToolContext in(SandboxMode mode) {
        SandboxSupport.assumeAvailable(mode, root);
        return context(root).withSandbox(Sandbox.of(mode));
    }
}
