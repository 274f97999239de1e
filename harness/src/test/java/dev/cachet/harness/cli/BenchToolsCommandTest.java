package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's figures are checked in ToolBenchTest; this checks that the command prints both modes and the ratio. */
class BenchToolsCommandTest {
    @Test
    void bench_tools_prints_eager_deferred_and_their_ratio() {
        CliRun run = CliRun.of("bench", "tools");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("transcript +eager +30 ").containsPattern("transcript +deferred +33 ")
                .containsPattern("ratio +\\d\\.\\d\\dx +\\d\\.\\d\\dx")
                .containsPattern("goal \\(>= 80% fewer tool-schema tokens\\): (met|MISSED)");
    }

    @Test
    void bench_lists_the_tools_benchmark() {
        assertThat(CliRun.of("bench", "--help").out()).contains("tools");
    }
}
