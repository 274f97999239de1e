package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The figures are read by people; this checks that both runs replay every window 'cachet replay' does. */
class BenchReplayCommandTest {
    private static final Pattern RUN = Pattern.compile("replay (cold|warm) +([\\d,]+) ");

    @Test
    void replays_the_given_logs_cold_and_warm_one_window_per_call_and_strategy() {
        CliRun replay = CliRun.of("replay", TraceFixtures.dir().toString(), "--format", "json", "--jobs", "1");
        long calls = ReplayCommandTest.stream(ReplayCommandTest.json(replay.out()).get("runs"))
                .filter(run -> run.get("strategy").asText().equals("transcript"))
                .mapToLong(run -> run.get("turns").asLong()).sum();

        CliRun bench = CliRun.of("bench", "replay", "--logs", TraceFixtures.dir().toString(), "--jobs", "2");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("5 strategies, 2 jobs", "windows/s", "calls/s", "MB/s", "peak heap", "reading",
                "replaying", "after the JVM started").containsPattern("goal 5,000 windows/s \\(warm\\): (met|MISSED)")
                .containsPattern("plain streaming read of the same bytes \\(one thread\\): [\\d.]+ s, [\\d.]+ cpu s, "
                        + "[\\d.]+ MB/s; replay cold [\\d.]+x its time \\(cpu [\\d.]+x\\), warm [\\d.]+x");
        Matcher runs = RUN.matcher(bench.out());
        int found = 0;
        while (runs.find()) {
            assertThat(Long.parseLong(runs.group(2).replace(",", ""))).as(runs.group()).isEqualTo(5 * calls);
            found++;
        }
        assertThat(found).as(bench.out()).isEqualTo(2);
    }

    @Test
    void writes_made_up_logs_of_the_size_asked_and_replays_them() {
        CliRun bench = CliRun.of("bench", "replay", "--size", "100k", "--jobs", "1");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).containsPattern("\\d+ files, [\\d.]+ MB").contains("replay cold", "replay warm");
        assertThat(bench.err()).doesNotContain("skipped");
    }

    /** bench replay and bench stats share their --logs (BenchLogs), and its checks. */
    @ParameterizedTest
    @ValueSource(strings = {"replay", "stats"})
    void a_logs_directory_that_is_not_there_or_holds_no_logs_is_an_input_error(String benchmark, @TempDir Path dir) {
        Path missing = dir.resolve("missing");

        CliRun bench = CliRun.of("bench", benchmark, "--logs", missing.toString());
        CliRun empty = CliRun.of("bench", benchmark, "--logs", dir.toString());

        assertThat(bench.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(bench.err().strip()).isEqualTo("cachet: --logs " + missing + ": not a directory");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(empty.err().strip()).isEqualTo("cachet: --logs " + dir + ": no session logs of a known format");
    }

    /** --size was silently ignored with --logs. */
    @ParameterizedTest
    @ValueSource(strings = {"replay", "stats"})
    void a_size_with_the_logs_to_read_is_a_usage_error(String benchmark) {
        CliRun bench = CliRun.of("bench", benchmark, "--logs", TraceFixtures.dir().toString(), "--size", "5m");

        assertThat(bench.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bench.err().strip()).isEqualTo("cachet: --size sizes made-up logs, and --logs " + TraceFixtures.dir()
                + " reads the logs there as they are; give one (see 'cachet bench " + benchmark + " --help')");
    }

    @Test
    void a_size_that_is_no_size_is_a_usage_error() {
        CliRun bench = CliRun.of("bench", "replay", "--size", "lots");

        assertThat(bench.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bench.err()).contains("'lots' is not a size");
    }
}
