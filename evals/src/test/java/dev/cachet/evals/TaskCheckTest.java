package dev.cachet.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCheckTest {
    private static final Sandbox UNCONFINED = Sandbox.of(SandboxMode.FULL);

    private final TaskCheck check = new TaskCheck(Duration.ofSeconds(20), System.getenv(), UNCONFINED);

    @TempDir
    Path workspace;

    private static Task task(String check) {
        return new Task("t1", "fix it", check);
    }

    @Test
    void exit_zero_passes() {
        CheckResult result = check.run(task("echo all good"), workspace);

        assertThat(result.passed()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).contains("all good");
    }

    @Test
    void non_zero_exit_fails_with_the_exit_code_and_the_output_of_both_streams() {
        CheckResult result = check.run(task("echo '1 test run'; echo 'expected 9 but was 8' >&2; exit 3"), workspace);

        assertThat(result.passed()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).contains("1 test run").contains("expected 9 but was 8");
    }

    @Test
    void a_check_that_runs_too_long_times_out_and_does_not_pass() {
        TaskCheck quick = new TaskCheck(Duration.ofSeconds(1), System.getenv(), UNCONFINED);
        long start = System.nanoTime();

        CheckResult result = quick.run(task("sleep 30"), workspace);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.exitCode()).isNotZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void runs_in_the_given_workspace() throws IOException {
        Files.writeString(workspace.resolve("marker.txt"), "present");

        CheckResult result = check.run(task("test -f marker.txt && cat marker.txt && pwd -P"), workspace);

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).contains("present").contains(workspace.toRealPath().toString());
    }

    @Test
    void runs_with_the_environment_it_is_given_not_the_processs() {
        TaskCheck given = new TaskCheck(Duration.ofSeconds(20), Map.of("CACHET_GIVEN_ONLY", "given"), UNCONFINED);

        CheckResult result = given.run(task("echo \"$CACHET_GIVEN_ONLY;${HOME-unset}\""), workspace);

        assertThat(result.output()).isEqualTo("given;unset\n");
    }

    @Test
    void a_check_looking_for_a_file_outside_the_workspace_fails(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("marker.txt"), "present");

        CheckResult result = check.run(task("test -f marker.txt"), workspace);

        assertThat(result.passed()).isFalse();
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void long_output_is_capped_keeping_its_start_and_its_end() {
        CheckResult result = check.run(task("echo START; i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done; echo END"),
                workspace);

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).startsWith("START").endsWith("END\n").contains("characters cut");
        assertThat(result.output().length()).isLessThan(TaskCheck.OUTPUT_LIMIT_CHARS + 100);
    }

    @Test
    void a_missing_workspace_is_an_error_naming_the_task() {
        Path missing = workspace.resolve("does-not-exist");

        assertThatThrownBy(() -> check.run(task("true"), missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("t1");
    }
}
