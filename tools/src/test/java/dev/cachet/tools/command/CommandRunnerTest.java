package dev.cachet.tools.command;

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final CommandRunner runner = new CommandRunner(20_000);

    @Test
    void reports_exit_code_and_output() throws IOException {
        CommandResult result = runner.run("echo hello; exit 3", System.getenv(), dir, GENEROUS);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("hello\n");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void a_zero_exit_succeeded() throws IOException {
        CommandResult result = runner.run("true", System.getenv(), dir, GENEROUS);

        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void runs_in_the_given_directory() throws IOException {
        assertThat(runner.run("pwd -P", System.getenv(), dir, GENEROUS).output()).isEqualTo(dir.toRealPath() + "\n");
    }

    @Test
    void merges_stderr_into_the_output() throws IOException {
        assertThat(runner.run("echo out; echo err >&2; echo out2", System.getenv(), dir, GENEROUS).output()).isEqualTo("out\nerr\nout2\n");
    }

    @Test
    void gives_the_command_an_empty_stdin() throws IOException {
        CommandResult result = runner.run("cat; echo done", System.getenv(), dir, GENEROUS);

        assertThat(result.output()).isEqualTo("done\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void keeps_head_and_tail_of_long_output_and_marks_the_cut() throws IOException {
        String full = IntStream.range(0, 200).mapToObj(i -> "line" + i + "\n").collect(Collectors.joining());

        CommandResult result = new CommandRunner(100).run(
                "i=0; while [ $i -lt 200 ]; do echo line$i; i=$((i+1)); done", System.getenv(), dir, GENEROUS);

        assertThat(result.output()).isEqualTo(full.substring(0, 50) + "\n[... " + (full.length() - 100)
                + " characters cut ...]\n" + full.substring(full.length() - 50));
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void drains_output_much_larger_than_a_pipe_buffer() throws IOException {
        CommandResult result = new CommandRunner(1_000).run("head -c 2000000 /dev/zero | tr '\\0' x", System.getenv(), dir, GENEROUS);

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("x".repeat(500) + "\n[... 1999000 characters cut ...]\n")
                .endsWith("\n" + "x".repeat(500));
    }

    @Test
    void a_timeout_kills_the_command_and_the_child_it_started() throws IOException {
        CommandResult result = runner.run("echo started; sleep 30 & echo $! > child.pid; wait", System.getenv(), dir, ONE_SECOND);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).startsWith("started\n");
        // A surviving child would keep the output pipe open and hold the runner for its 2 s drain grace.
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(ONE_SECOND).isLessThan(Duration.ofSeconds(3));
        assertThat(Processes.isRunning(Long.parseLong(Files.readString(dir.resolve("child.pid")).trim()),
                Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void a_timeout_kills_a_grandchild_whose_parent_already_exited() throws IOException {
        CommandResult result = runner.run("(sleep 30 & echo $! > orphan.pid); sleep 30", System.getenv(), dir, ONE_SECOND);
        long orphan = Long.parseLong(Files.readString(dir.resolve("orphan.pid")).trim());
        try {
            assertThat(result.timedOut()).isTrue();
            assertThat(Processes.isRunning(orphan, Duration.ofSeconds(5))).isFalse();
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
