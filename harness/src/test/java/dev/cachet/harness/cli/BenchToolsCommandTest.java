package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's figures are checked in ToolBenchTest; this checks what the command prints, per tool set. */
class BenchToolsCommandTest {
    @Test
    void bench_tools_prints_eager_deferred_and_their_ratio_for_the_synthetic_set_by_default() {
        CliRun run = CliRun.of("bench", "tools");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10 core + 40 MCP tools (synthetic set; servers: github, postgres, playwright, slack)")
                .containsPattern("transcript +eager +30 ").containsPattern("transcript +deferred +33 ")
                .containsPattern("ratio +\\d\\.\\d\\dx +\\d\\.\\d\\dx")
                .containsPattern("goal \\(>= 80% fewer tool-schema tokens\\): (met|MISSED)");
    }

    @Test
    void bench_tools_server_github_plays_the_same_session_with_ninety_tools_of_one_server() {
        CliRun run = CliRun.of("bench", "tools", "--server", "github");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("10 core + 90 MCP tools (github set; servers: github)")
                .containsPattern("transcript +eager +30 ").containsPattern("transcript +deferred +33 ")
                .containsPattern("goal \\(>= 80% fewer tool-schema tokens\\): met");
    }

    @Test
    void an_unknown_server_set_is_a_usage_error_naming_the_sets() {
        CliRun run = CliRun.of("bench", "tools", "--server", "gitlab");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'gitlab' is not a tool set; expected synthetic or github");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bench_lists_the_tools_benchmark() {
        assertThat(CliRun.of("bench", "--help").out()).contains("tools");
    }
}
