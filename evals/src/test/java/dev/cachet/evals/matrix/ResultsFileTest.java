package dev.cachet.evals.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    @TempDir
    Path out;

    private static PlannedRun planned(String task, String strategy, int repeat) {
        return new PlannedRun(new SuiteTask(task, "repo", "HEAD", Optional.empty(), "fix it", "true", RunBudget.DEFAULT,
                List.of(), List.of(), false), strategy, repeat);
    }

    static RunRecord record(String task, String strategy, int repeat, boolean solved, double cost) {
        return new RunRecord(task, strategy, repeat, solved, 3, 1000, 200, 800, 50, cost, 0.4, 2500, 1200,
                "done", "0123456789abcdef0123456789abcdef01234567", null, "anthropic:claude-sonnet-4-6", false, null);
    }

    private Path file() {
        return out.resolve(ResultsFile.NAME);
    }

    private void write(String... lines) throws Exception {
        Files.writeString(file(), String.join("", lines), StandardCharsets.UTF_8);
    }

    private static String line(RunRecord record) throws Exception {
        return Json.mapper().writeValueAsString(record) + "\n";
    }

    @Test
    void writes_one_line_per_record_with_the_documented_field_names() throws Exception {
        try (ResultsFile results = ResultsFile.open(out, false)) {
            results.append(record("t1", "hybrid", 1, true, 0.02));
            results.append(record("t1", "masking", 1, false, 0.01));
        }

        List<String> lines = Files.readAllLines(file());
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("task", "strategy", "repeat", "solved", "turns",
                "uncached_input_tokens", "cache_write_tokens", "cache_read_tokens", "output_tokens", "cost_usd",
                "cache_hit_rate", "peak_window_tokens", "wall_ms", "stop_reason", "commit", "error", "model", "plan",
                "check_output");
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(ResultsFile.read(file())).containsExactly(record("t1", "hybrid", 1, true, 0.02),
                record("t1", "masking", 1, false, 0.01));
    }

    @Test
    void an_existing_results_file_needs_resume() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)));

        assertThatThrownBy(() -> ResultsFile.open(out, false))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("--resume")
                .hasMessageContaining("--out");
        assertThat(Files.readString(file())).isEqualTo(line(record("t1", "hybrid", 1, true, 0.02)));
    }

    @Test
    void an_empty_results_file_is_no_reason_to_refuse() throws Exception {
        write();

        try (ResultsFile results = ResultsFile.open(out, false)) {
            assertThat(results.records()).isEmpty();
        }
    }

    @Test
    void resuming_keeps_the_records_and_appends_after_them() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)));

        try (ResultsFile results = ResultsFile.open(out, true)) {
            assertThat(results.completedKeys()).containsExactly("t1/hybrid/1");
            results.append(record("t1", "hybrid", 2, false, 0.03));
            assertThat(results.completedKeys()).containsExactlyInAnyOrder("t1/hybrid/1", "t1/hybrid/2");
            assertThat(results.doneOf(List.of(planned("t1", "hybrid", 2), planned("t1", "masking", 1)))).isEqualTo(1);
        }
        assertThat(Files.readAllLines(file())).hasSize(2);
    }

    @Test
    void a_torn_last_line_is_ignored_and_cut_off_before_appending() throws Exception {
        String complete = line(record("t1", "hybrid", 1, true, 0.02));
        String torn = line(record("t1", "hybrid", 2, true, 0.02));
        write(complete, torn.substring(0, torn.length() / 2));

        assertThat(ResultsFile.read(file())).extracting(RunRecord::key).containsExactly("t1/hybrid/1");
        try (ResultsFile results = ResultsFile.open(out, true)) {
            assertThat(results.completedKeys()).containsExactly("t1/hybrid/1");
            results.append(record("t1", "hybrid", 2, false, 0.03));
        }
        assertThat(ResultsFile.read(file())).extracting(RunRecord::key)
                .containsExactly("t1/hybrid/1", "t1/hybrid/2");
    }

    @Test
    void a_malformed_line_before_the_last_is_an_error_naming_file_and_line() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)), "{\"task\": \"t1\", \"strat\n",
                line(record("t1", "hybrid", 2, true, 0.02)));

        assertThatThrownBy(() -> ResultsFile.open(out, true))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith(file() + ":2: not a run record");
        assertThatThrownBy(() -> ResultsFile.read(file())).hasMessageStartingWith(file() + ":2: ");
    }

    @Test
    void a_line_missing_a_field_is_malformed() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)).replace("\"wall_ms\":1200,", ""));

        assertThatThrownBy(() -> ResultsFile.read(file()))
                .hasMessageStartingWith(file() + ":1: not a run record").hasMessageContaining("wall_ms");
    }

    @Test
    void a_line_written_before_plan_was_recorded_reads_as_a_run_without_a_plan() throws Exception {
        RunRecord planned = new RunRecord("t1", "hybrid", 1, true, 3, 1000, 200, 800, 50, 0.02, 0.4, 2500, 1200, "done",
                "0123456789abcdef0123456789abcdef01234567", null, "anthropic:claude-sonnet-4-6", true, null);
        write(line(record("t1", "hybrid", 1, true, 0.02)).replace(",\"plan\":false", ""), line(planned));

        List<RunRecord> read = ResultsFile.read(file());

        assertThat(read).extracting(RunRecord::plan).containsExactly(false, true);
        assertThat(read).extracting(RunRecord::key).containsExactly("t1/hybrid/1", "t1/hybrid+plan/1");
    }

    @Test
    void a_line_written_before_check_output_was_kept_reads_as_a_run_without_it() throws Exception {
        RunRecord failed = new RunRecord("t1", "masking", 1, false, 3, 1000, 200, 800, 50, 0.02, 0.4, 2500, 1200,
                "done", "0123456789abcdef0123456789abcdef01234567", null, "anthropic:claude-sonnet-4-6", false,
                "FAILED test_parse: expected 3, got 4");
        write(line(record("t1", "hybrid", 1, true, 0.02)).replace(",\"check_output\":null", ""), line(failed));

        assertThat(ResultsFile.read(file())).extracting(RunRecord::checkOutput)
                .containsExactly(null, "FAILED test_parse: expected 3, got 4");
    }

    @Test
    void a_run_recorded_twice_is_an_error() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)), "\n", line(record("t1", "hybrid", 1, false, 0.02)));

        assertThatThrownBy(() -> ResultsFile.read(file()))
                .hasMessage(file() + ":3: run t1/hybrid/1 already recorded at line 1");
    }

    @Test
    void the_lock_another_process_sees_is_held_after_the_records_are_read() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)));
        long inode = (Long) Files.getAttribute(file(), "unix:ino");

        try (ResultsFile results = ResultsFile.open(out, true)) {
            // Closing any other handle on the file drops the process's POSIX locks on it: reading the records
            // through one did, and a second eval on the same --out ran every run again.
            assertThat(Files.readAllLines(Path.of("/proc/locks")))
                    .anyMatch(lock -> lock.contains(" POSIX ") && lock.matches(".*:" + inode + " .*"));
        }
    }

    @Test
    void an_out_dir_that_is_a_file_is_named_with_why() throws Exception {
        Path aFile = Files.writeString(out.resolve("afile"), "");

        assertThatThrownBy(() -> ResultsFile.open(aFile, false))
                .hasMessage("cannot open results file " + aFile.resolve(ResultsFile.NAME) + ": a file is in the way");
    }

    @Test
    void an_errored_run_is_not_done_and_its_new_record_takes_its_place() throws Exception {
        RunRecord errored = new RunRecord("t1", "hybrid", 1, false, 1, 1000, 0, 0, 10, 0.01, 0, 1000, 900,
                "provider error: overloaded", null, "agent: provider error: overloaded", "anthropic:claude-sonnet-4-6",
                false, null);
        write(line(errored), line(record("t1", "masking", 1, true, 0.02)));

        try (ResultsFile results = ResultsFile.open(out, true)) {
            assertThat(results.completedKeys()).containsExactly("t1/masking/1");
            results.append(record("t1", "hybrid", 1, true, 0.03));
            assertThat(results.records()).extracting(RunRecord::key).containsExactly("t1/masking/1", "t1/hybrid/1");
        }
        assertThat(ResultsFile.read(file())).extracting(RunRecord::costUsd).containsExactly(0.02, 0.03);
        assertThat(Files.readAllLines(file())).hasSize(3);
    }

    @Test
    void a_resume_of_another_suite_or_model_is_refused_naming_the_run_it_holds() throws Exception {
        write(line(record("t1", "hybrid", 1, true, 0.02)));

        try (ResultsFile results = ResultsFile.open(out, true)) {
            results.refuseAnotherEval(List.of(planned("t1", "masking", 1)), "anthropic:claude-sonnet-4-6");
            assertThatThrownBy(() -> results.refuseAnotherEval(List.of(planned("t2", "hybrid", 1)),
                    "anthropic:claude-sonnet-4-6"))
                    .hasMessage(file() + " holds a run of another eval (task t1, model anthropic:claude-sonnet-4-6), "
                            + "which this one's reports would mix with its own; pick another --out");
            assertThatThrownBy(() -> results.refuseAnotherEval(List.of(planned("t1", "hybrid", 1)), "openai:gpt-5"))
                    .hasMessageContaining("(task t1, model anthropic:claude-sonnet-4-6)");
        }
    }

    @Test
    void only_one_eval_writes_a_results_file_at_a_time() {
        try (ResultsFile results = ResultsFile.open(out, false)) {
            assertThatThrownBy(() -> ResultsFile.open(out, true))
                    .isInstanceOf(ResultsFileException.class).hasMessageContaining("in use");
        }
        ResultsFile.open(out, true).close();
    }
}
