package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.bench.SyntheticLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures are read by people; this checks that the benchmark reads what it is given and that both counts agree. */
class BenchTokensCommandTest {
    @TempDir
    Path dir;

    @Test
    void times_jtokkit_and_the_token_counter_over_the_tool_results_given() {
        new SyntheticLogs(7).write(dir, 200_000);

        CliRun run = CliRun.of("bench", "tokens", dir.toString(), "--rounds", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("[\\d,]+ tool results, [\\d.]+ MB")
                .containsPattern("jtokkit countTokensOrdinary +[\\d,]+ tokens .* MB/s")
                .containsPattern("TokenCounter +[\\d,]+ tokens .* MB/s +[\\d.]+x jtokkit");
        String[] tokens = run.out().lines().filter(line -> line.contains(" tokens "))
                .map(line -> line.replaceAll(".*?([\\d,]+) tokens.*", "$1")).toArray(String[]::new);
        assertThat(tokens).hasSize(2).containsOnly(tokens[0]);
    }

    @Test
    void a_corpus_folder_without_logs_is_passed_over_for_made_up_logs() throws IOException {
        // What a 'corpus fetch' that failed offline leaves in the cache.
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".cache/cachet/corpus/swe-agent"));
        Path working = Files.createDirectories(dir.resolve("work/project"));

        CliRun run = CliRun.in(working, java.util.Map.of("HOME", home.toString()), "bench", "tokens", "--rounds", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("no corpus logs in " + home.resolve(".cache/cachet/corpus") + " nor "
                + dir.resolve("work/shared/corpus") + " ('cachet corpus fetch' gets them, or name logs); made-up logs");
    }

    @Test
    void a_missing_path_is_named_in_one_line() {
        CliRun run = CliRun.of("bench", "tokens", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no such file or directory").contains("nowhere");
    }

    @Test
    void a_file_without_tool_results_is_refused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        CliRun run = CliRun.of("bench", "tokens", empty.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).doesNotContain("\n").contains(empty.toString());
    }

    @Test
    void zero_rounds_is_a_usage_error_naming_the_option() {
        CliRun run = CliRun.of("bench", "tokens", dir.toString(), "--rounds", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--rounds");
    }
}
