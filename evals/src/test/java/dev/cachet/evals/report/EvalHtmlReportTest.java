package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EvalHtmlReportTest {
    private static final String SUITE = "smoke a&b<c>";

    static String render(List<RunRecord> records) {
        return new EvalHtmlReport().render(SUITE, records, EvalSummary.of(records));
    }

    private static Element svg(Document html, String title) {
        return Documents.elements(html, "svg").stream()
                .filter(svg -> svg.getElementsByTagNameNS("*", "title").item(0).getTextContent().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void shows_the_summary_with_intervals() {
        Document html = Documents.parse(render(EvalFixtures.repeated()));

        assertThat(Documents.texts(html, "h1")).containsExactly("Eval: " + SUITE);
        assertThat(Documents.texts(html, "code")).containsExactly("anthropic:claude-sonnet-4-6");
        List<List<String>> summary = Documents.rows(html, "summary");
        assertThat(summary.get(0)).containsExactly("Strategy", "Runs", "Solved", "Solve rate", "Mean cost",
                "Median cost", "Cost per solved", "Mean turns", "Cache hit rate", "Errors");
        assertThat(summary.get(1)).startsWith("hybrid", "6", "3").endsWith("$0.0200", "$0.0433", "4.0", "75.0%", "0");
        assertThat(summary.get(1).get(3)).matches("50\\.0% \\[\\d+\\.\\d%, \\d+\\.\\d%\\]");
        assertThat(summary.get(1).get(4)).matches("\\$0\\.0217 \\[\\$0\\.\\d{4}, \\$0\\.\\d{4}\\]");
        assertThat(summary.get(2)).startsWith("masking", "6", "0", "0.0% [0.0%, 0.0%]").contains("n/a")
                .endsWith("1");
    }

    @Test
    void draws_solve_rate_against_cost_one_dot_per_strategy() {
        Element scatter = svg(Documents.parse(render(EvalFixtures.repeated())), "Solve rate vs cost");

        assertThat(scatter.getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(2);
        List<String> labels = new ArrayList<>();
        var texts = scatter.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertThat(labels).contains("hybrid", "masking", "solve rate", "mean cost per run (USD)");
    }

    @Test
    void draws_the_cost_distribution_one_step_line_per_strategy() {
        Element chart = svg(Documents.parse(render(EvalFixtures.repeated())), "Cost distribution");

        var lines = chart.getElementsByTagNameNS("*", "polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        Element hybrid = (Element) lines.item(0);
        assertThat(hybrid.getAttribute("data-series")).isEqualTo("hybrid");
        // Two points per run: a step up at each run's cost.
        assertThat(hybrid.getAttribute("points").split(" ")).hasSize(12);
    }

    @Test
    void shows_tasks_down_and_strategies_across() {
        assertThat(Documents.rows(Documents.parse(render(EvalFixtures.repeated())), "tasks")).containsExactly(
                List.of("Task", "hybrid", "masking"),
                List.of("t1", "2/3 $0.0133", "0/3 $0.0333"),
                List.of("t2", "1/3 $0.0300", "0/3 $0.0533"));
    }

    @Test
    void lists_every_run_with_its_error() {
        List<List<String>> runs = Documents.rows(Documents.parse(render(EvalFixtures.repeated())), "runs");

        assertThat(runs).hasSize(13);
        assertThat(runs.get(4)).startsWith("t2", "masking", "1", "no").endsWith("1.5 s", "error",
                "agent: rate limited");
    }

    @Test
    void a_task_a_strategy_did_not_run_shows_a_dash() {
        List<RunRecord> partial = EvalFixtures.repeated().stream()
                .filter(r -> !(r.task().equals("t2") && r.strategy().equals("masking"))).toList();

        assertThat(Documents.rows(Documents.parse(render(partial)), "tasks").get(2)).containsExactly("t2", "1/3 $0.0300", "–");
    }
}
