package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.LabeledPoint;
import dev.cachet.evals.report.SvgChart.Mark;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Series;
import dev.cachet.evals.report.SvgChart.Unit;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartTest {
    private static final Axis TURN = new Axis("turn", Unit.COUNT);
    private static final Axis COST = new Axis("USD", Unit.USD);

    private static Series series(String name, double... ys) {
        return new Series(name, IntStream.range(0, ys.length)
                .mapToObj(i -> new Point(i + 1, ys[i])).toList());
    }

    private static List<Element> polylines(Document svg) {
        return Documents.elements(svg, "polyline");
    }

    private static int pointCount(Element polyline) {
        return polyline.getAttribute("points").split(" ").length;
    }

    @Test
    void draws_one_polyline_per_series_with_every_point() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("transcript", 0.01, 0.02, 0.05, 0.09), series("masking", 0.01, 0.015, 0.03))));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(polylines(svg)).extracting(p -> p.getAttribute("data-series"))
                .containsExactly("transcript", "masking");
        assertThat(polylines(svg)).extracting(SvgChartTest::pointCount).containsExactly(4, 3);
        assertThat(Documents.texts(svg, "text")).contains("Cost", "turn", "USD", "transcript", "masking");
    }

    @Test
    void ticks_cover_the_data_with_round_labels() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(series("a", 0.05, 0.37, 0.2))));

        assertThat(Documents.texts(svg, "text"))
                .containsSubsequence("0", "1", "2", "3")
                .containsSubsequence("$0.00", "$0.10", "$0.20", "$0.30", "$0.40");
    }

    @Test
    void labels_ticks_in_the_axis_unit() {
        assertThat(Unit.PERCENT.tick(0.25, 0.25)).isEqualTo("25%");
        assertThat(Unit.PERCENT.tick(0.05, 0.05)).isEqualTo("5%");
        assertThat(Unit.USD.tick(0.15, 0.05)).isEqualTo("$0.15");
        assertThat(Unit.COUNT.tick(25_000, 25_000)).isEqualTo("25k");
        assertThat(Unit.COUNT.tick(2_500, 2_500)).isEqualTo("2.5k");
        assertThat(Unit.COUNT.tick(1_500_000, 500_000)).isEqualTo("1.5M");
        assertThat(Unit.NUMBER.tick(0.0, 0.2)).isEqualTo("0.0");
    }

    @Test
    void skips_points_that_are_not_numbers() {
        Document svg = Documents.parse(SvgChart.line("Rate", TURN, new Axis("hits", Unit.PERCENT), List.of(
                series("a", 0.5, Double.NaN, 0.7, Double.POSITIVE_INFINITY))));

        assertThat(polylines(svg)).extracting(SvgChartTest::pointCount).containsExactly(2);
    }

    @Test
    void draws_a_dot_for_a_single_point_and_keeps_empty_series_in_the_legend() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("one", 0.3), series("none"))));

        assertThat(polylines(svg)).extracting(SvgChartTest::pointCount).containsExactly(1);
        assertThat(Documents.elements(svg, "circle")).hasSize(1);
        assertThat(Documents.texts(svg, "text")).contains("one", "none");
    }

    @Test
    void still_draws_axes_without_any_data() {
        for (List<Series> series : List.of(List.<Series>of(), List.of(series("empty")),
                List.of(series("nan", Double.NaN)))) {
            Document svg = Documents.parse(SvgChart.line("Nothing", TURN, COST, series));

            assertThat(polylines(svg)).isEmpty();
            assertThat(Documents.texts(svg, "text")).contains("no data", "$0.00", "$1.00");
        }
    }

    @Test
    void draws_all_zero_values_on_a_unit_scale() {
        Document svg = Documents.parse(SvgChart.line("Zero", TURN, COST, List.of(series("z", 0, 0, 0))));

        assertThat(polylines(svg)).extracting(SvgChartTest::pointCount).containsExactly(3);
        assertThat(polylines(svg).get(0).getAttribute("points")).doesNotContain("NaN", "Infinity");
    }

    @Test
    void rounds_coordinates_to_a_tenth() {
        String svg = SvgChart.line("Cost", TURN, COST, List.of(series("a", 1 / 3.0, 2 / 7.0, 0.123456)));

        assertThat(Documents.parse(svg)).isNotNull();
        assertThat(svg).doesNotContainPattern("(points|x|y|x1|y1|x2|y2|cx|cy)=\"[^\"]*\\.\\d\\d");
    }

    @Test
    void a_baseline_is_drawn_apart_and_takes_no_colour_from_the_series_after_it() {
        Series bill = new Series("recorded", series("recorded", 0.02, 0.03).points(), List.of(), true);
        List<Element> lines = polylines(Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("transcript", 0.01, 0.02), bill, series("masking", 0.01, 0.01)))));
        List<Element> alone = polylines(Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("transcript", 0.01, 0.02), series("masking", 0.01, 0.01)))));

        assertThat(lines).extracting(line -> line.getAttribute("stroke"))
                .containsExactly(alone.get(0).getAttribute("stroke"), "#222222", alone.get(1).getAttribute("stroke"));
        assertThat(lines.get(1).getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(lines.get(2).getAttribute("stroke-dasharray")).isEmpty();
    }

    @Test
    void marks_points_in_their_series_colour_each_kind_in_its_shape_and_says_what_the_kinds_mean() {
        Series marked = new Series("hybrid", series("hybrid", 0.01, 0.05, 0.01).points(),
                List.of(new Mark(new Point(2, 0.05), 0, "call 2: <cold>"), new Mark(new Point(3, 0.01), 2, "call 3")),
                false);
        List<String> kinds = List.of("cold call", "compaction", "ping");
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(series("transcript", 0.02), marked),
                kinds));
        Document unmarked = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(series("transcript", 0.02, 0.03)),
                kinds));

        List<Element> marks = Documents.elements(svg, "*").stream()
                .filter(element -> element.getAttribute("class").equals("mark")).toList();
        assertThat(marks).extracting(Element::getLocalName).containsExactly("circle", "polygon", "circle", "polygon");
        assertThat(marks).extracting(mark -> mark.getAttribute("data-series")).containsExactly("hybrid", "hybrid", "",
                "");
        assertThat(marks.get(0).getAttribute("stroke")).isEqualTo(polylines(svg).get(1).getAttribute("stroke"));
        assertThat(marks).allSatisfy(mark -> assertThat(mark.getAttribute("fill")).isEqualTo("none"));
        assertThat(marks.get(0).getTextContent()).as("what happened, on pointing at it").isEqualTo("call 2: <cold>");
        // The legend names the kinds marked, and no other.
        assertThat(Documents.texts(svg, "text")).contains("cold call", "ping").doesNotContain("compaction");
        assertThat(Documents.elements(unmarked, "circle")).isEmpty();
        assertThat(Documents.texts(unmarked, "text")).doesNotContain("cold call");
        assertThatThrownBy(() -> new Mark(new Point(1, 1), 3, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapes_every_name() {
        String svg = SvgChart.line("a&b<c>", new Axis("x \"quoted\"", Unit.COUNT), COST, List.of(
                series("it's <mine> & yours", 1, 2)));

        Document document = Documents.parse(svg);
        assertThat(Documents.texts(document, "text")).contains("a&b<c>", "x \"quoted\"", "it's <mine> & yours");
        assertThat(polylines(document).get(0).getAttribute("data-series")).isEqualTo("it's <mine> & yours");
    }

    @Test
    void scatter_draws_one_labelled_dot_per_point() {
        Document svg = Documents.parse(SvgChart.scatter("Solve rate vs cost", COST,
                new Axis("solve rate", Unit.PERCENT), List.of(
                        new LabeledPoint("transcript", new Point(1.2, 0.6)),
                        new LabeledPoint("masking & <co>", new Point(0.5, 0.55)),
                        new LabeledPoint("broken", new Point(Double.NaN, 0.1)))));

        assertThat(Documents.elements(svg, "circle")).hasSize(2);
        assertThat(Documents.texts(svg, "text")).contains("transcript", "masking & <co>", "50%", "100%")
                .doesNotContain("broken");
    }

    private static final Axis SOLVE_RATE = new Axis("solve rate", Unit.PERCENT);

    private static Document scatter(LabeledPoint... points) {
        return Documents.parse(SvgChart.scatter("Solve rate vs cost", COST, SOLVE_RATE, List.of(points)));
    }

    private static Element plot(Document svg) {
        return Documents.elements(svg, "rect").stream().filter(rect -> rect.getAttribute("class").equals("plot"))
                .findFirst().orElseThrow();
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    /** The texts drawn inside the plot frame and right of it: the labels of points, not the axes' ticks. */
    private static List<Element> pointLabels(Document svg) {
        return Documents.elements(svg, "text").stream().filter(text -> text.getAttribute("class").equals("label"))
                .toList();
    }

    @Test
    void scatter_points_lie_strictly_inside_the_frame_on_both_axes() {
        Document svg = scatter(
                new LabeledPoint("free and useless", new Point(0, 0)),
                new LabeledPoint("dear and perfect", new Point(0.05, 1)),
                new LabeledPoint("middling", new Point(0.025, 0.5)));

        Element plot = plot(svg);
        double left = number(plot, "x");
        double top = number(plot, "y");
        List<Element> dots = Documents.elements(svg, "circle");
        assertThat(dots).hasSize(3).allSatisfy(dot -> {
            double radius = number(dot, "r");
            assertThat(number(dot, "cx") - radius).isGreaterThan(left);
            assertThat(number(dot, "cx") + radius).isLessThan(left + number(plot, "width"));
            assertThat(number(dot, "cy") - radius).isGreaterThan(top);
            assertThat(number(dot, "cy") + radius).isLessThan(top + number(plot, "height"));
        });
        assertThat(Documents.texts(svg, "text")).contains("0%", "25%", "100%").doesNotContain("125%", "-25%");
    }

    @Test
    void scatter_merges_the_labels_of_points_that_coincide() {
        Document svg = scatter(
                new LabeledPoint("transcript", new Point(0.0133, 1)),
                new LabeledPoint("hybrid", new Point(0.0133, 1)),
                new LabeledPoint("masking", new Point(0.02, 0.5)));

        assertThat(pointLabels(svg)).extracting(Element::getTextContent)
                .containsExactly("transcript = hybrid", "masking");
        // Both colours still show: a dot and a ring around it.
        assertThat(Documents.elements(svg, "circle")).hasSize(3)
                .extracting(circle -> circle.getAttribute("fill").equals("none") ? circle.getAttribute("stroke")
                        : circle.getAttribute("fill")).doesNotHaveDuplicates();
    }

    @Test
    void scatter_labels_of_near_points_overlap_neither_each_other_nor_the_dots_nor_the_edges() {
        List<LabeledPoint> crowd = List.of(
                new LabeledPoint("transcript", new Point(0.0100, 0.50)),
                new LabeledPoint("masking", new Point(0.0101, 0.51)),
                new LabeledPoint("summary", new Point(0.0099, 0.49)),
                new LabeledPoint("hybrid(keep=12)", new Point(0.0102, 0.50)),
                new LabeledPoint("state", new Point(0.0100, 0.52)),
                new LabeledPoint("at the far end", new Point(0.02, 1.0)));
        Document svg = scatter(crowd.toArray(LabeledPoint[]::new));

        List<TextBox> labels = pointLabels(svg).stream().map(TextBox::of).toList();
        assertThat(labels).hasSize(crowd.size());
        for (int i = 0; i < labels.size(); i++) {
            TextBox label = labels.get(i);
            assertThat(label.left()).isGreaterThanOrEqualTo(0);
            assertThat(label.right()).isLessThanOrEqualTo(ChartFrame.WIDTH);
            assertThat(label.top()).isGreaterThanOrEqualTo(ChartFrame.TOP - 12);
            assertThat(label.bottom()).isLessThanOrEqualTo(ChartFrame.BOTTOM);
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(label.overlaps(labels.get(j))).as("%s and %s", label, labels.get(j)).isFalse();
            }
            for (Element dot : Documents.elements(svg, "circle")) {
                assertThat(label.contains(number(dot, "cx"), number(dot, "cy"))).isFalse();
            }
        }
    }

    @Test
    void the_legend_wraps_long_entries_inside_the_canvas() {
        Series marked = new Series("hybrid", series("hybrid", 0.01, 0.05).points(),
                List.of(new Mark(new Point(2, 0.05), 0, "call 2")), false);
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(series("transcript", 0.02), marked),
                List.of("cold call, compaction or keep-alive ping")));

        List<Element> lines = Documents.elements(svg, "tspan");
        assertThat(lines).extracting(line -> line.getTextContent().strip())
                .containsExactly("transcript", "hybrid", "cold call,", "compaction or", "keep-alive ping");
        assertThat(lines).allSatisfy(line -> assertThat(number(line, "x") + line.getTextContent().strip().length() * 7)
                .isLessThanOrEqualTo(ChartFrame.WIDTH));
        assertThat(Documents.texts(svg, "text")).contains("cold call, compaction or keep-alive ping");
    }

    @Test
    void the_legend_breaks_a_name_longer_than_its_column_after_a_hyphen_or_dot_and_keeps_it_whole_in_the_text() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("claude-haiku-4-5-20251001", 0.02), series("258c7280-ae70-4798-800f-63464d01a85d.jsonl", 0.01),
                series("abcdefghijklmnopqrstuvwxyzabcdefgh", 0.03))));

        List<Element> lines = Documents.elements(svg, "tspan");
        assertThat(lines).extracting(line -> line.getTextContent().strip()).containsExactly("claude-haiku-4-",
                "5-20251001", "258c7280-ae70-", "4798-800f-", "63464d01a85d.", "jsonl", "abcdefghijklmno",
                "pqrstuvwxyzabcd", "efgh");
        assertThat(lines).allSatisfy(line -> assertThat(number(line, "x") + line.getTextContent().strip().length()
                * LabelLayout.CHAR_WIDTH).isLessThanOrEqualTo(ChartFrame.WIDTH));
        // A name broken across lines reads whole, with no space added where it was broken.
        assertThat(Documents.texts(svg, "text")).contains("claude-haiku-4-5-20251001",
                "258c7280-ae70-4798-800f-63464d01a85d.jsonl", "abcdefghijklmnopqrstuvwxyzabcdefgh");
    }

    @Test
    void axes_end_just_past_the_data() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(
                series("long", IntStream.range(0, 152).mapToDouble(i -> 0.001 * i).toArray()))));

        double right = number(plot(svg), "x") + number(plot(svg), "width");
        String last = Documents.elementsIn(svg.getDocumentElement(), "polyline").get(0).getAttribute("points")
                .replaceAll(".* ", "");
        double lastX = Double.parseDouble(last.split(",")[0]);
        // Call 152 of an axis that ends at 160, not 200.
        assertThat((lastX - ChartFrame.LEFT) / (right - ChartFrame.LEFT)).isCloseTo(152 / 160.0,
                Offset.offset(0.002));
        assertThat(Documents.texts(svg, "text")).contains("150").doesNotContain("200");
    }

    @Test
    void the_legend_says_which_lines_lie_on_an_earlier_one() {
        Document svg = Documents.parse(SvgChart.line("Cost", TURN, COST, List.of(series("transcript", 0.01, 0.02),
                series("hybrid", 0.01, 0.02), series("masking", 0.01, 0.03), series("none"), series("empty"))));

        assertThat(Documents.texts(svg, "text")).contains("transcript", "hybrid = transcript", "masking", "none",
                "empty").filteredOn(text -> text.contains("=")).containsExactly("hybrid = transcript");
    }
}
