package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An eval killed mid-matrix (SIGKILL, no shutdown hooks) loses nothing, and --resume finishes it. */
class EvalKillTest {
    private static final Path SUITE = Path.of("../examples/suite.yaml").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @Test
    void a_killed_eval_resumes_where_it_stopped_and_runs_each_run_exactly_once() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process runner = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "eval", SUITE.toString(), "--model", "replay", "--sandbox", "full",
                "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // The first progress line comes right after the first run was appended to results.jsonl.
        try (BufferedReader err = new BufferedReader(new InputStreamReader(runner.getErrorStream(), StandardCharsets.UTF_8))) {
            String line = err.readLine();
            while (line != null && !line.contains("] 1/6")) {
                line = err.readLine();
            }
            assertThat(line).as("the runner's first progress line").isNotNull();
            runner.destroyForcibly();
        }
        assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> survived = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(survived).hasSizeBetween(1, 5);

        CliRun resumed = CliRun.of("eval", SUITE.toString(), "--model", "replay", "--sandbox", "full",
                "--out", out.toString(), "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> all = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(all).hasSize(6);
        assertThat(all.subList(0, survived.size())).isEqualTo(survived);
        Set<String> keys = new HashSet<>();
        for (String record : all) {
            var json = dev.cachet.context.Json.mapper().readTree(record);
            assertThat(keys.add(json.get("task").asText() + "/" + json.get("strategy").asText())).as(record).isTrue();
        }
    }
}
