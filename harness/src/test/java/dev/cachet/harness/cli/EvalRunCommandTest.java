package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Json;
import dev.cachet.evals.matrix.EvalMatrix;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.AgentSettings;
import dev.cachet.evals.matrix.kubernetes.RunPlan;
import dev.cachet.evals.suite.Suite;
import dev.cachet.providers.CacheLifetime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod's side of a Kubernetes eval, run here: a mounted plan, JOB_COMPLETION_INDEX, the replay model. */
class EvalRunCommandTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path planDir;

    @TempDir
    Path work;

    /** The ConfigMap as a pod mounts it: the example suite (its repo made absolute), its recordings, the plan. */
    @BeforeEach
    void mountPlan() throws Exception {
        String suite = Files.readString(EXAMPLES.resolve("suite.yaml"))
                .replace("repo: demo/repo", "repo: " + EXAMPLES.resolve("demo/repo"));
        Files.writeString(planDir.resolve("suite.yaml"), suite);
        for (String task : List.of("wrap-off-by-one", "center-lines", "rename-wrap")) {
            Files.copy(EXAMPLES.resolve("recordings").resolve(task + ".jsonl"),
                    planDir.resolve("recording." + task + ".jsonl"));
        }
        Suite read = Suite.read(planDir.resolve("suite.yaml"));
        RunPlan plan = RunPlan.of("e7f3a1c2", 1, new AgentSettings("replay", null, CacheLifetime.AUTO, Map.of()),
                EvalMatrix.plan(read.tasks(), List.of("transcript", "hybrid"), 1));
        Files.writeString(planDir.resolve("plan.json"), plan.toJson());
    }

    private CliRun evalRun(Map<String, String> environment) {
        return CliRun.withEnvironment(environment, "eval-run", "--plan-dir", planDir.toString(), "--work",
                work.toString(), "--termination-log", work.resolve("termination-log").toString());
    }

    @Test
    void the_run_at_its_index_runs_locally_and_its_compact_record_is_the_termination_message_and_last_log_line()
            throws Exception {
        CliRun run = evalRun(Map.of("JOB_COMPLETION_INDEX", "3"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String message = Files.readString(work.resolve("termination-log"));
        assertThat(message).doesNotContain("\n");
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(EvalRunCommand.MESSAGE_LIMIT);
        RunRecord record = Json.mapper().readValue(message, RunRecord.class);
        assertThat(record.key()).isEqualTo("center-lines/hybrid/1");
        assertThat(record.solved()).as(message).isTrue();
        assertThat(record.costUsd()).isPositive();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(message);
        // The session log went to the log first, each line marked, so the record stays the last line.
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty().allMatch(line -> line.startsWith("session {"));
    }

    @Test
    void a_stop_from_the_coordinator_runs_nothing_and_records_nothing() throws Exception {
        Files.writeString(planDir.resolve("stop"), "cost limit reached");

        CliRun run = evalRun(Map.of("JOB_COMPLETION_INDEX", "0"));

        assertThat(run.exitCode()).isZero();
        assertThat(work.resolve("termination-log")).doesNotExist();
        assertThat(run.out()).contains("cost limit");
    }

    @Test
    void without_an_index_or_outside_the_plan_it_says_so_in_one_line() {
        CliRun none = evalRun(Map.of());
        CliRun outside = evalRun(Map.of("JOB_COMPLETION_INDEX", "6"));

        assertThat(none.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(none.err()).startsWith("cachet: JOB_COMPLETION_INDEX is not set").hasLineCount(1);
        assertThat(outside.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(outside.err()).isEqualTo("cachet: JOB_COMPLETION_INDEX 6 is outside the plan's 6 runs"
                + System.lineSeparator());
    }

    @Test
    void a_record_with_a_long_error_is_cut_to_fit_the_termination_message() {
        RunRecord record = new RunRecord("t", "hybrid", 1, false, 0, 0, 0, 0, 0, 0, 0, 0, 1, "error", null,
                "agent: " + "x".repeat(5000), "m", false, null);

        String line = EvalRunCommand.compact(record);

        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EvalRunCommand.MESSAGE_LIMIT);
        assertThat(line).contains("\"task\":\"t\"", "agent: xxx", "…");
    }

    @Test
    void a_long_check_output_gives_way_first_keeping_its_tail() {
        String output = "é".repeat(3000) + "\nFAILED test_parse";
        RunRecord record = new RunRecord("t", "hybrid", 1, false, 0, 0, 0, 0, 0, 0, 0, 0, 1, "done", null,
                "agent: short", "m", false, output);

        String line = EvalRunCommand.compact(record);

        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EvalRunCommand.MESSAGE_LIMIT);
        assertThat(line).contains("\"error\":\"agent: short\"", "FAILED test_parse\"", "…");
    }
}
