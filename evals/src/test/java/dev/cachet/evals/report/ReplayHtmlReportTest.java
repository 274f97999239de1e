package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReplayHtmlReportTest {
    private static final String MODEL = "anthropic:claude-sonnet-4-6";

    static String render(List<ReplayRun> runs) {
        return new ReplayHtmlReport().render(MODEL, runs, ReplayReport.of(runs));
    }

    static List<ReplayRun> twoTraces() {
        return List.of(ReplayFixtures.transcript("lexer"), ReplayFixtures.masking("lexer"),
                ReplayFixtures.transcript("a&b<c>"), ReplayFixtures.masking("a&b<c>"));
    }

    @Test
    void shows_the_summary_with_formatted_figures() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.texts(html, "title")).first().asString().contains(MODEL);
        assertThat(Documents.texts(html, "code")).containsExactly(MODEL);
        assertThat(Documents.rows(html, "summary")).containsExactly(
                List.of("Strategy", "Traces", "Input cost", "Total cost", "Cache hit rate", "Reference recall",
                        "Input cost vs transcript"),
                List.of("transcript", "2", "$0.0280", "$0.0340", "45.5%", "50.0%", "1.00×"),
                List.of("masking", "2", "$0.0140", "$0.0200", "0.0%", "100.0%", "0.50×"));
    }

    @Test
    void lists_every_run() {
        List<List<String>> rows = Documents.rows(Documents.parse(render(twoTraces())), "runs");

        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).containsExactly("lexer", "transcript", "2", "2,200", "0", "1,000", "200", "$0.0140",
                "$0.0170", "45.5%", "50.0%", "1,200");
    }

    @Test
    void draws_three_charts_per_trace_with_a_line_per_strategy() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.texts(html, "h3")).containsExactly("lexer", "a&b<c>");
        List<Element> charts = Documents.elements(html, "svg");
        assertThat(charts).hasSize(6);
        assertThat(charts).allSatisfy(chart -> assertThat(chart.getElementsByTagName("polyline").getLength())
                .isEqualTo(2));
        assertThat(Documents.texts(html, "text")).contains("Cumulative cost", "Window size", "Cache hit rate");
    }

    @Test
    void escapes_names_from_the_data() {
        String html = render(twoTraces());

        assertThat(html).doesNotContain("a&b<c>").contains("a&amp;b&lt;c&gt;");
        assertThat(Documents.texts(Documents.parse(html), "a")).contains("a&b<c>");
    }

    @Test
    void loads_nothing_from_the_network() {
        String html = render(twoTraces());

        assertThat(Pattern.compile("https?://\\S+").matcher(html).results().map(m -> m.group()).distinct())
                .containsExactly("http://www.w3.org/2000/svg\"");
        assertThat(html).doesNotContain("<script", "<link", "@import", "url(");
    }

    @Test
    void renders_a_replay_of_nothing() {
        Document html = Documents.parse(render(List.of()));

        assertThat(Documents.rows(html, "summary")).hasSize(1);
        assertThat(Documents.elements(html, "svg")).isEmpty();
    }

    @Test
    void stays_small_for_many_long_traces() {
        List<ReplayRun> runs = new ArrayList<>();
        for (int trace = 0; trace < 20; trace++) {
            for (String strategy : List.of("transcript", "masking", "summary", "hybrid")) {
                runs.add(ReplayFixtures.longRun("trace-" + trace + ".jsonl", strategy, 150));
            }
        }

        String html = render(runs);

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000_000);
        assertThat(Documents.elements(Documents.parse(html), "svg")).hasSize(60);
    }
}
