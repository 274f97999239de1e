package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures are read by people; this checks that every run is there with what the issue asked of it. */
class BenchStatsCommandTest {
    private static final String NUMBER = "[\\d,.]+";

    @Test
    void reads_made_up_logs_by_day_and_by_session_cold_and_warm_against_a_plain_read_of_the_same_bytes() {
        CliRun bench = CliRun.of("bench", "stats", "--size", "200k", "--jobs", "1");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).containsPattern("\\d+ files, " + NUMBER + " MB, 1 jobs")
                .containsPattern("plain streaming read +" + NUMBER + " s +" + NUMBER + " cpu s +" + NUMBER + " MB/s");
        for (String run : new String[] {"daily cold", "daily warm", "session cold", "session warm"}) {
            Matcher line = Pattern.compile(run + " +" + NUMBER + " s .* (" + NUMBER + ") calls/s .* peak heap +\\d+ MB  "
                    + NUMBER + "x the plain read \\(cpu " + NUMBER + "x\\)").matcher(bench.out());
            assertThat(line.find()).as(run + " in\n" + bench.out()).isTrue();
        }
    }

    /** The daily read counted 1,117 calls/s over SWE-agent trajectories, whose calls stats skips for lacking usage. */
    @Test
    void counts_the_calls_stats_counts_none_of_a_log_without_usage(@TempDir Path dir) throws IOException {
        Files.copy(TraceFixtures.path(TraceFixtures.SWE_AGENT), dir.resolve(TraceFixtures.SWE_AGENT));

        CliRun bench = CliRun.of("bench", "stats", "--logs", dir.toString(), "--jobs", "1");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        for (String run : new String[] {"daily cold", "daily warm", "session cold", "session warm"}) {
            assertThat(bench.out()).as(run).containsPattern(run + " .* 0 calls/s");
        }
    }
}
