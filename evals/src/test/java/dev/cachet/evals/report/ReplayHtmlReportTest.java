package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.replay.CallCache;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.providers.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReplayHtmlReportTest {
    private static final String MODEL = "anthropic:claude-sonnet-4-6";
    /** Coordinates are rounded to a tenth. */
    private static final Offset<Double> PIXEL = Offset.offset(0.11);
    private static final String ROLLING_HIT_RATE = "Cache hit rate over the last 10 calls";

    static String render(List<ReplayRun> runs) {
        return new ReplayHtmlReport().render(MODEL, "", runs, ReplayReport.of(runs));
    }

    /** A trace whose log records its bill, replayed and as billed, and an estimated one. */
    static List<ReplayRun> twoTraces() {
        return List.of(ReplayFixtures.fitted(ReplayFixtures.transcript("lexer")),
                ReplayFixtures.fitted(ReplayFixtures.masking("lexer")), ReplayFixtures.recorded("lexer"),
                ReplayFixtures.transcript("a&b<c>"), ReplayFixtures.masking("a&b<c>"));
    }

    @Test
    void shows_the_summary_with_formatted_figures() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.texts(html, "title")).first().asString().contains(MODEL);
        assertThat(Documents.texts(html, "code")).containsExactly(MODEL);
        assertThat(Documents.texts(html, "p")).contains("Recorded usage: 1 of 2 traces (token counts fitted to their "
                + "bill, which is their recorded row); estimated: 1 (o200k counts, no bill).");
        assertThat(Documents.rows(html, "summary")).containsExactly(
                List.of("Strategy", "Traces", "Input cost", "Total cost", "Cache hit rate", "Reference recall",
                        "Input cost vs transcript", "Cost vs recorded", "p95 call vs transcript"),
                List.of("transcript", "2", "$0.0280", "$0.0340", "45.5%", "50.0%", "1.00×", "0.65×", "1.00×"),
                List.of("masking", "2", "$0.0140", "$0.0200", "0.0%", "100.0%", "0.50×", "0.38×", "0.50×"));
    }

    @Test
    void the_head_sets_the_model_alone_as_code_and_the_terms_of_the_bill_as_text() {
        List<ReplayRun> runs = twoTraces();
        Document html = Documents.parse(new ReplayHtmlReport().render(MODEL, ", calls 20s apart", runs,
                ReplayReport.of(runs)));

        assertThat(Documents.texts(html, "code")).containsExactly(MODEL);
        assertThat(Documents.texts(html, "p")).contains("Billed as each log's own model where it names one, else "
                + MODEL + ", calls 20s apart");
        assertThat(Documents.texts(html, "title")).first().isEqualTo("Replay report: " + MODEL);
    }

    @Test
    void shows_the_fidelity_to_each_bill_and_the_worst_spikes() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.rows(html, "fidelity")).containsExactly(
                List.of("Trace", "Cost error", "Input error", "Per-call input error (median)",
                        "Cache-read share error"),
                List.of("lexer", "-34.6%", "-4.3%", "0.0%", "+45.5 pt"),
                List.of("overall", "-34.6%", "-4.3%", "0.0%", "+45.5 pt"));
        List<List<String>> spikes = Documents.rows(html, "spikes");
        assertThat(spikes).hasSize(1 + 4 + 4 + 2);
        assertThat(spikes.get(9)).containsExactly("recorded", "lexer", "2", "$0.0130", "1,300", "0", "yes", "");
    }

    @Test
    void lists_every_run() {
        List<List<String>> rows = Documents.rows(Documents.parse(render(twoTraces())), "runs");

        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).containsExactly("lexer", "transcript", "no", "2", "2,200", "0", "1,000", "200",
                "$0.0140", "$0.0170", "0.65×", "45.5%", "1,200", "$0.0040", "$0.0100", "$0.0100", "0", "$0.0125",
                "50.0%");
        assertThat(rows.get(3)).startsWith("lexer", "recorded", "no");
        assertThat(rows.get(4)).startsWith("a&b<c>", "transcript", "yes").contains("n/a");
    }

    @Test
    void draws_four_charts_per_trace_with_a_line_per_strategy_and_the_recorded_bill_where_there_is_one() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.texts(html, "h3")).containsExactly("lexer", "a&b<c>");
        List<Element> charts = Documents.elements(html, "svg");
        assertThat(charts).hasSize(8);
        assertThat(charts).extracting(chart -> chart.getElementsByTagName("title").item(0).getTextContent())
                .containsExactly("Input cost per call", "Cumulative cost", "Window size", ROLLING_HIT_RATE,
                        "Input cost per call", "Cumulative cost", "Window size", ROLLING_HIT_RATE);
        assertThat(charts.subList(0, 4)).allSatisfy(chart -> assertThat(series(chart))
                .containsExactly("transcript", "masking", "recorded"));
        assertThat(charts.subList(4, 8)).allSatisfy(chart -> assertThat(series(chart))
                .containsExactly("transcript", "masking"));
        Element bill = (Element) charts.get(0).getElementsByTagName("polyline").item(2);
        assertThat(bill.getAttribute("stroke-dasharray")).as("the bill is drawn apart, as the baseline").isNotEmpty();
    }

    @Test
    void rings_the_cold_calls_on_the_per_call_cost_chart() {
        List<Element> charts = Documents.elements(Documents.parse(render(twoTraces())), "svg");

        // The bill's second call came after the cache expired; a ring in the legend says what rings mean.
        List<Element> marks = marks(charts.get(0));
        assertThat(marks).extracting(mark -> mark.getAttribute("data-series")).containsExactly("recorded", "");
        assertThat(marks).extracting(Element::getLocalName).containsOnly("circle");
        assertThat(marks.get(0).getTextContent()).startsWith("call 2: ");
        assertThat(Documents.elementsIn(charts.get(0), "text")).extracting(Element::getTextContent)
                .contains("cold call (cache expired)").doesNotContain("compaction", "keep-alive pings");
        assertThat(charts.subList(1, 8)).allSatisfy(chart -> assertThat(marks(chart)).isEmpty());
    }

    @Test
    void marks_compactions_and_pinged_calls_each_in_its_own_shape() {
        ReplayRun hybrid = new ReplayRun("lexer", "hybrid", List.of(
                new ReplayTurn(1, 1000, new Usage(1000, 0, 0, 100, 0), 0.0115, 0.01, 0, 0, 0, 0.0, CallCache.of(false)),
                new ReplayTurn(2, 600, new Usage(0, 600, 0, 100, 0), 0.009, 0.0075, 0, 0, 0, 0.0,
                        new CallCache(false, true, 0, 0, Optional.empty())),
                new ReplayTurn(3, 700, new Usage(100, 0, 600, 100, 0), 0.004, 0.0028, 0, 0, 0, 0.0,
                        new CallCache(false, false, 2, 0.0004, Optional.empty()))), false, 0.0);

        List<Element> charts = Documents.elements(Documents.parse(render(List.of(hybrid))), "svg");

        // Call 2 compacted, 3 came after two pings: each its own shape, and each shape in the legend.
        List<Element> marks = marks(charts.get(0));
        assertThat(marks).extracting(mark -> mark.getAttribute("data-series"))
                .containsExactly("hybrid", "hybrid", "", "");
        assertThat(marks).extracting(Element::getLocalName).containsExactly("rect", "polygon", "rect", "polygon");
        assertThat(marks.subList(0, 2)).extracting(Element::getTextContent)
                .containsExactly("call 2: compaction", "call 3: 2 keep-alive pings before it, $0.0004");
        assertThat(Documents.elementsIn(charts.get(0), "text")).extracting(Element::getTextContent)
                .contains("compaction", "keep-alive pings").doesNotContain("cold call (cache expired)");
    }

    @Test
    void the_cache_chart_draws_a_rolling_rate_rather_than_each_call() {
        List<ReplayTurn> turns = new ArrayList<>();
        for (int call = 1; call <= 30; call++) {
            // Every other call reads all its input from the cache: per call 0%, 100%, 0%...; over ten calls 50%.
            Usage usage = call % 2 == 0 ? new Usage(0, 0, 1000, 100, 0) : new Usage(1000, 0, 0, 100, 0);
            turns.add(new ReplayTurn(call, 1000, usage, 0.01, 0.01, 0, 0, 0, 0.0, CallCache.of(false)));
        }
        Element chart = Documents.elements(Documents.parse(render(List.of(
                new ReplayRun("lexer", "transcript", turns, false, 0.0)))), "svg").get(3);

        assertThat(chart.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(ROLLING_HIT_RATE);
        List<Double> ys = List.of(Documents.elementsIn(chart, "polyline").get(0).getAttribute("points").split(" "))
                .stream().map(xy -> Double.parseDouble(xy.split(",")[1])).toList();
        assertThat(ys).hasSize(30);
        assertThat(ys.get(0)).as("the first call alone").isCloseTo(tickY(chart, "0%"), PIXEL);
        assertThat(ys.subList(9, 30)).allSatisfy(y -> assertThat(y).isCloseTo(tickY(chart, "50%"), PIXEL));
    }

    /** Where the line through this y-axis tick label runs. */
    private static double tickY(Element chart, String label) {
        return Documents.elementsIn(chart, "text").stream().filter(t -> t.getTextContent().equals(label))
                .mapToDouble(t -> Double.parseDouble(t.getAttribute("y")) - 4).findFirst().orElseThrow();
    }

    @Test
    void says_which_traces_are_estimated() {
        Document html = Documents.parse(render(twoTraces()));

        assertThat(Documents.elements(html, "section")).extracting(section -> section.getElementsByTagName("p")
                .getLength()).containsExactly(0, 1);
        assertThat(Documents.elements(html, "p")).filteredOn(p -> p.getAttribute("class").equals("estimated"))
                .singleElement().extracting(Element::getTextContent).asString()
                .startsWith("Estimated: the log lacks the usage of some call");
    }

    private static List<String> series(Element chart) {
        return Documents.elementsIn(chart, "polyline").stream().map(line -> line.getAttribute("data-series")).toList();
    }

    /** The marks in the order drawn, whatever their shape. */
    private static List<Element> marks(Element chart) {
        return Documents.elementsIn(chart, "*").stream().filter(c -> c.getAttribute("class").equals("mark")).toList();
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
        assertThat(Documents.texts(html, "p")).contains(ReplayTables.NO_BILL);
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
        assertThat(Documents.elements(Documents.parse(html), "svg")).hasSize(80);
    }
}
