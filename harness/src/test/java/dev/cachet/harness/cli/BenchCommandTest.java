package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's figures are read by people; this only checks that it runs and reports every strategy. */
class BenchCommandTest {
    @Test
    void bench_context_reports_every_strategy_against_transcript() {
        CliRun run = CliRun.of("bench", "context", "--turns", "20", "--history-tokens", "8000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("20 turns").containsPattern("transcript .* 1\\.00x")
                .contains("masking", "summary", "state", "hybrid").containsPattern("hybrid goal .*: (met|MISSED)");
    }

    @Test
    void bench_without_a_benchmark_lists_them() {
        CliRun run = CliRun.of("bench", "--help");
        assertThat(run.out()).contains("context");
    }
}
