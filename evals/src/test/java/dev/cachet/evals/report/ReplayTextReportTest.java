package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.CallCache;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.providers.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayTextReportTest {

    private static String render(List<ReplayRun> runs) {
        return new ReplayTextReport().render("anthropic:claude-sonnet-4-6", "", runs, ReplayReport.of(runs));
    }

    @Test
    void prints_one_row_per_strategy_then_one_per_run_then_the_fidelity_to_the_bills() {
        assertThat(render(ReplayHtmlReportTest.twoTraces())).isEqualTo("""
                replayed as each log's own model where it names one, else anthropic:claude-sonnet-4-6: 5 runs
                Recorded usage: 1 of 2 traces (token counts fitted to their bill, which is their recorded row); \
                estimated: 1 (o200k counts, no bill).

                strategy    traces  input cost  total cost  cache hit  recall  vs transcript  vs recorded
                transcript       2     $0.0280     $0.0340      45.5%   0.500          1.00x        0.65x
                masking          2     $0.0140     $0.0200       0.0%   1.000          0.50x        0.38x

                trace   strategy    turns  input cost  total cost  vs recorded  cache hit  recall  peak window
                lexer   transcript      2     $0.0140     $0.0170        0.65x      45.5%   0.500        1,200
                lexer   masking         2     $0.0070     $0.0100        0.38x       0.0%   1.000          500
                lexer   recorded        2     $0.0230     $0.0260        1.00x       0.0%       -        1,300
                a&b<c>  transcript      2     $0.0140     $0.0170    estimated      45.5%   0.500        1,200
                a&b<c>  masking         2     $0.0070     $0.0100    estimated       0.0%   1.000          500

                cache misses by cause
                strategy    calls  misses  by cause  lost tokens  pings  ping cost
                transcript      4       0                      0      0    $0.0000
                masking         4       0                      0      0    $0.0000
                recorded        2       0                      0      0    $0.0000

                fidelity: the original harness replayed as it ran against the recorded bill
                trace      cost  input  per call  cache reads
                lexer    -34.6%  -4.3%      0.0%     +45.5 pt
                overall  -34.6%  -4.3%      0.0%     +45.5 pt
                cost, input: (replayed - recorded) / recorded; per call: median absolute error; cache reads: share \
                difference
                """);
    }

    @Test
    void fidelity_pools_every_trace_with_a_bill_into_the_overall_row() {
        // lexer as above; parser replays 1,000 then 1,200 against bills of 1,250 then 2,000 (the second cold).
        ReplayRun parserBill = new ReplayRun("parser", "recorded", List.of(
                new ReplayTurn(1, 1250, new Usage(1250, 0, 0, 100, 0), 0.014, 0.0125, 0, 0, 0, 0.0, CallCache.of(false)),
                new ReplayTurn(2, 2000, new Usage(2000, 0, 0, 100, 0), 0.0215, 0.02, 0, 0, 0, 0.0, CallCache.of(true))), false, 0.0125,
                Optional.of(ReplayFixtures.fitted(ReplayFixtures.transcript("parser"))));
        List<ReplayRun> runs = List.of(ReplayFixtures.fitted(ReplayFixtures.transcript("lexer")),
                ReplayFixtures.recorded("lexer"), ReplayFixtures.fitted(ReplayFixtures.transcript("parser")),
                parserBill);

        List<String> lines = render(runs).lines().dropWhile(line -> !line.startsWith("fidelity")).toList();

        // parser: cost (0.017 - 0.0355) / 0.0355, input (2,200 - 3,250) / 3,250, per-call errors 0.2 and 0.4.
        // Overall: cost (0.034 - 0.0615) / 0.0615, input (4,400 - 5,550) / 5,550, the nearest-rank median of all
        // four calls' errors 0, 0.077, 0.2 and 0.4; cache reads 2,000 of the replays' 4,400, none of the bills'.
        assertThat(lines).contains(
                "parser   -52.1%  -32.3%     20.0%     +45.5 pt",
                "overall  -44.7%  -20.7%      7.7%     +45.5 pt");
    }

    @Test
    void says_so_when_no_trace_has_a_bill() {
        assertThat(render(List.of(ReplayFixtures.transcript("lexer"), ReplayFixtures.masking("lexer"))))
                .contains("Recorded usage: 0 of 1 traces", "estimated: 1 (")
                .contains("lexer  transcript      2     $0.0140     $0.0170    estimated")
                .endsWith("\nNo trace records its usage, so there is no bill to check the replay against.\n")
                .doesNotContain("overall");
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
                .contains("masking        1     $0.0070     $0.0100       0.0%   1.000              -            -");
    }
}
