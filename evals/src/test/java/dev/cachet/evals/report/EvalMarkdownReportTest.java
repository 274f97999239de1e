package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalMarkdownReportTest {

    private static List<String> render(List<RunRecord> records) {
        return new EvalMarkdownReport().render("smoke", records, EvalSummary.of(records)).lines().toList();
    }

    private static List<String> table(List<String> lines, String heading) {
        return lines.stream().dropWhile(line -> !line.equals(heading)).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).toList();
    }

    @Test
    void prints_the_summary_the_task_matrix_and_the_failed_runs() {
        List<String> lines = render(EvalFixtures.repeated());

        assertThat(lines).startsWith("# Eval: smoke", "", "Model: anthropic:claude-sonnet-4-6");
        assertThat(table(lines, "## Summary")).hasSize(4);
        assertThat(table(lines, "## Summary").get(2)).startsWith("| hybrid ").contains(" 50.0% [");
        assertThat(table(lines, "## Tasks").get(0)).matches("\\| Task +\\| +hybrid \\| +masking \\|");
        assertThat(table(lines, "## Tasks").get(1)).matches("\\| -+ \\| -+: \\| -+: \\|");
        assertThat(table(lines, "## Tasks").get(2)).isEqualTo("| t1   | 2/3 $0.0133 | 0/3 $0.0333 |");
        assertThat(table(lines, "## Failed runs")).hasSize(3)
                .last().asString().contains("| t2 ", "| masking ", "agent: rate limited");
    }

    @Test
    void has_no_failed_runs_section_when_nothing_failed() {
        List<RunRecord> clean = EvalFixtures.repeated().stream().filter(r -> r.error() == null).toList();

        assertThat(render(clean)).doesNotContain("## Failed runs");
    }
}
