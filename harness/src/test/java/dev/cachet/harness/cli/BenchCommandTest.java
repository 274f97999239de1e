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
    void bench_context_builds_a_history_of_the_tokens_asked_for_with_the_turns_asked_for() {
        CliRun run = CliRun.of("bench", "context", "--turns", "40", "--history-tokens", "30000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("40 turns, (29|30|31),\\d{3} tokens of history");
    }

    @Test
    void bench_context_refuses_fewer_history_tokens_than_its_turns_take_naming_the_least() {
        CliRun run = CliRun.of("bench", "context", "--history-tokens", "1000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).doesNotContain("context render benchmark");
        assertThat(run.err()).hasLineCount(1).startsWith("cachet: --history-tokens 1000: 300 turns (--turns) take at "
                + "least ").endsWith(" tokens of history; give more, or fewer turns (see 'cachet bench context --help')"
                + System.lineSeparator());
    }

    @Test
    void bench_without_a_benchmark_lists_them() {
        CliRun run = CliRun.of("bench", "--help");
        assertThat(run.out()).contains("context");
    }
}
