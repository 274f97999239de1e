package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMarkdownReportTest {

    private static String render(List<ReplayRun> runs) {
        return new ReplayMarkdownReport().render("anthropic:claude-sonnet-4-6", "", runs, ReplayReport.of(runs));
    }

    /** A table row's cells, split on the pipes that are not escaped. */
    private static List<String> cells(String line) {
        return List.of(line.substring(2, line.length() - 2).split(" *(?<!\\\\)\\| *", -1)).stream().map(String::trim)
                .toList();
    }

    /** The headings and rows of the table under this heading, cells split; not the delimiter row. */
    private static List<List<String>> table(String md, String heading) {
        return md.lines().dropWhile(line -> !line.equals(heading)).skip(1).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).filter(line -> !line.matches("\\| -+ \\|.*"))
                .map(ReplayMarkdownReportTest::cells).toList();
    }

    @Test
    void prints_the_summary_and_every_run_as_tables() {
        List<String> lines = render(ReplayHtmlReportTest.twoTraces()).lines().toList();

        assertThat(lines).contains("## Summary", "## Runs",
                "Billed as each log's own model where it names one, else anthropic:claude-sonnet-4-6.",
                "Recorded usage: 1 of 2 traces (token counts fitted to their bill, which is their recorded row); "
                        + "estimated: 1 (o200k counts, no bill).");
        int summary = lines.indexOf("## Summary") + 2;
        assertThat(cells(lines.get(summary))).containsExactly("Strategy", "Traces", "Input cost", "Total cost",
                "Cache hit rate", "Reference recall", "Input cost vs transcript", "Cost vs recorded",
                "p95 call vs transcript");
        assertThat(lines.get(summary + 1)).matches("\\| -+ \\|( -+: \\|){8}");
        assertThat(cells(lines.get(summary + 2)))
                .containsExactly("transcript", "2", "$0.0280", "$0.0340", "45.5%", "50.0%", "1.00×", "0.65×",
                        "1.00×");
        assertThat(cells(lines.get(summary + 3)))
                .containsExactly("masking", "2", "$0.0140", "$0.0200", "0.0%", "100.0%", "0.50×", "0.38×", "0.50×");
        int runs = lines.indexOf("## Runs") + 2;
        assertThat(lines.subList(runs, lines.size())).hasSize(7);
        assertThat(cells(lines.get(runs))).containsExactly("Trace", "Strategy", "Estimated", "Turns", "Input tokens",
                "Cache writes", "Cache reads", "Output tokens", "Input cost", "Total cost", "Cost vs recorded",
                "Cache hit rate", "Peak window", "p50 call", "p95 call", "Max call", "Cold calls", "Restart cost",
                "Reference recall");
        assertThat(cells(lines.get(runs + 2))).containsExactly("lexer", "transcript", "no", "2", "2,200", "0", "1,000",
                "200", "$0.0140", "$0.0170", "0.65×", "45.5%", "1,200", "$0.0040", "$0.0100", "$0.0100", "0",
                "$0.0125", "50.0%");
        assertThat(cells(lines.get(runs + 4))).as("the bill checks no references").containsExactly("lexer", "recorded",
                "no", "2", "2,300", "0", "0", "200", "$0.0230", "$0.0260", "1.00×", "0.0%", "1,300", "$0.0100",
                "$0.0130", "$0.0130", "1", "$0.0125", "n/a");
        assertThat(cells(lines.get(runs + 5))).as("estimated, so nothing to compare with")
                .startsWith("a&b\\<c>", "transcript", "yes").contains("n/a");
    }

    @Test
    void prints_the_fidelity_of_each_trace_with_a_bill_and_overall() {
        String md = render(ReplayHtmlReportTest.twoTraces());

        assertThat(md).contains("## Fidelity\n\n" + ReplayTables.FIDELITY_NOTE);
        // transcript 2,200 in for $0.017 against a bill of 2,300 for $0.026: cost -34.6%, input -4.3%; calls off by
        // 0 and 100 of 1,300: median 0; 1,000 of 2,200 read against none.
        assertThat(table(md, "## Fidelity")).containsExactly(
                List.of("Trace", "Cost error", "Input error", "Per-call input error (median)",
                        "Cache-read share error"),
                List.of("lexer", "-34.6%", "-4.3%", "0.0%", "+45.5 pt"),
                List.of("overall", "-34.6%", "-4.3%", "0.0%", "+45.5 pt"));
    }

    @Test
    void lists_the_five_dearest_calls_of_each_strategy_with_trace_and_call() {
        List<ReplayRun> runs = List.of(ReplayFixtures.longRun("a", "transcript", 12),
                ReplayFixtures.longRun("b", "transcript", 3), ReplayFixtures.longRun("a", "hybrid", 4),
                ReplayFixtures.longRun("a", "masking", 2), ReplayFixtures.longRun("b", "masking", 2));

        List<List<String>> spikes = table(render(runs), "## Worst spikes");

        // Call i costs $0.001 x i of input; call 10 came after the cache expired. Equal costs keep the runs' order.
        assertThat(spikes.get(0)).containsExactly("Strategy", "Trace", "Call", "Input cost", "Input tokens",
                "Cache reads", "Cold", "Cache miss");
        assertThat(spikes.subList(1, spikes.size())).extracting(row -> String.join(" ", row.get(0), row.get(1),
                row.get(2), row.get(3), row.get(6))).containsExactly(
                "transcript a 12 $0.0120 ", "transcript a 11 $0.0110 ", "transcript a 10 $0.0100 yes",
                "transcript a 9 $0.0090 ", "transcript a 8 $0.0080 ",
                "hybrid a 4 $0.0040 ", "hybrid a 3 $0.0030 ", "hybrid a 2 $0.0020 ", "hybrid a 1 $0.0010 ",
                "masking a 2 $0.0020 ", "masking b 2 $0.0020 ", "masking a 1 $0.0010 ", "masking b 1 $0.0010 ");
        // Input 300 + 12 % 7 x 13 uncached, 50 written and 650 + 731 x 12 read.
        assertThat(spikes.get(1).subList(4, 6)).containsExactly("9,837", "9,422");
    }

    @Test
    void says_so_when_no_trace_has_a_bill() {
        String md = render(List.of(ReplayFixtures.transcript("lexer")));

        assertThat(md).contains("## Fidelity\n\n" + ReplayTables.NO_BILL + "\n").contains("| yes ");
    }

    @Test
    void pads_columns_to_line_up() {
        List<String> table = render(ReplayHtmlReportTest.twoTraces()).lines()
                .dropWhile(line -> !line.equals("## Runs")).filter(line -> line.startsWith("|")).toList();

        assertThat(table).extracting(String::length).containsOnly(table.get(0).length());
    }

    @Test
    void escapes_pipes_and_markup_in_names() {
        String md = render(List.of(ReplayFixtures.transcript("a|b*c`<d>\\e\nf")));

        assertThat(md).contains("| a\\|b\\*c\\`\\<d>\\\\e f |");
        assertThat(cells(md.lines().filter(l -> l.startsWith("| a") && l.contains("transcript")).findFirst()
                .orElseThrow())).hasSize(19);
    }

    @Test
    void a_name_makes_no_link_or_image() {
        // A log names its traces: rendered where the report is pasted, an image would fetch the URL as the page opens.
        String md = render(List.of(ReplayFixtures.transcript(
                "![x](https://evil.example/?leak)[y](https://evil.example/)")));

        assertThat(md).contains("| ![x\\](https://evil.example/?leak)[y\\](https://evil.example/) |")
                .doesNotContainPattern("[^\\\\]\\]\\(");
    }

    @Test
    void a_name_writes_no_control_character() {
        // replay --out writes replay.md as it is: 'cat replay.md' would obey an escape sequence a log put in a name,
        // here OSC 52, which sets the clipboard.
        String md = render(List.of(ReplayFixtures.transcript("a\u001b]52;c;ZXZpbA==\u0007b\u009bc\u007fd")));

        assertThat(md).contains("| a\ufffd]52;c;ZXZpbA==\ufffdb\ufffdc\ufffdd |")
                .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]");
    }

    @Test
    void says_so_when_the_transcript_was_not_replayed() {
        assertThat(render(List.of(ReplayFixtures.masking("lexer")))).contains(" n/a |");
    }
}
