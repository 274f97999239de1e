package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMarkdownReportTest {

    private static String render(List<ReplayRun> runs) {
        return new ReplayMarkdownReport().render("anthropic:claude-sonnet-4-6", runs, ReplayReport.of(runs));
    }

    /** A table row's cells, split on the pipes that are not escaped. */
    private static List<String> cells(String line) {
        return List.of(line.substring(2, line.length() - 2).split(" *(?<!\\\\)\\| *")).stream().map(String::trim)
                .toList();
    }

    @Test
    void prints_the_summary_and_every_run_as_tables() {
        List<String> lines = render(ReplayHtmlReportTest.twoTraces()).lines().toList();

        assertThat(lines).contains("## Summary", "## Runs", "Model: anthropic:claude-sonnet-4-6");
        int summary = lines.indexOf("## Summary") + 2;
        assertThat(cells(lines.get(summary))).containsExactly("Strategy", "Traces", "Input cost", "Total cost",
                "Cache hit rate", "Reference recall", "Input cost vs transcript");
        assertThat(lines.get(summary + 1)).matches("\\| -+ \\|( -+: \\|){6}");
        assertThat(cells(lines.get(summary + 2)))
                .containsExactly("transcript", "2", "$0.0280", "$0.0340", "45.5%", "50.0%", "1.00×");
        assertThat(cells(lines.get(summary + 3)))
                .containsExactly("masking", "2", "$0.0140", "$0.0200", "0.0%", "100.0%", "0.50×");
        int runs = lines.indexOf("## Runs") + 2;
        assertThat(lines.subList(runs, lines.size())).hasSize(6);
        assertThat(cells(lines.get(runs + 2))).containsExactly("lexer", "transcript", "2", "2,200", "0", "1,000",
                "200", "$0.0140", "$0.0170", "45.5%", "50.0%", "1,200");
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
        assertThat(cells(md.lines().filter(l -> l.startsWith("| a")).findFirst().orElseThrow())).hasSize(12);
    }

    @Test
    void says_so_when_the_transcript_was_not_replayed() {
        assertThat(render(List.of(ReplayFixtures.masking("lexer")))).contains(" n/a |");
    }
}
