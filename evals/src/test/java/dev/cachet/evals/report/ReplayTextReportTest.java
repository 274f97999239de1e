package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTextReportTest {

    private static String render(List<ReplayRun> runs) {
        return new ReplayTextReport().render("anthropic:claude-sonnet-4-6", runs, ReplayReport.of(runs));
    }

    @Test
    void prints_one_row_per_strategy_then_one_per_run() {
        assertThat(render(ReplayHtmlReportTest.twoTraces())).isEqualTo("""
                replayed as anthropic:claude-sonnet-4-6: 4 runs

                strategy    traces  input cost  total cost  cache hit  recall  vs transcript
                transcript       2     $0.0280     $0.0340      45.5%   0.500          1.00x
                masking          2     $0.0140     $0.0200       0.0%   1.000          0.50x

                trace   strategy    turns  input cost  cache hit  recall  peak window
                lexer   transcript      2     $0.0140      45.5%   0.500        1,200
                lexer   masking         2     $0.0070       0.0%   1.000          500
                a&b<c>  transcript      2     $0.0140      45.5%   0.500        1,200
                a&b<c>  masking         2     $0.0070       0.0%   1.000          500
                """);
    }

    @Test
    void keeps_the_end_of_long_trace_names_which_tells_sessions_apart() {
        String trace = "subagents-of-".repeat(3) + "258c7280-ae70-4798-800f-63464d01a85d.jsonl";

        assertThat(render(List.of(ReplayFixtures.transcript(trace))))
                .contains("\n...58c7280-ae70-4798-800f-63464d01a85d.jsonl  transcript ").doesNotContain("subagents");
    }

    @Test
    void shows_a_dash_when_the_transcript_was_not_replayed() {
        assertThat(render(List.of(ReplayFixtures.masking("lexer"))).lines())
                .contains("masking        1     $0.0070     $0.0100       0.0%   1.000              -");
    }
}
