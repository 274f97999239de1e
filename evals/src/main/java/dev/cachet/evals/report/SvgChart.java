package dev.cachet.evals.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Line and scatter charts as standalone SVG markup, fit to inline in HTML or to save as a file. Both axes always
 * include zero, so that sizes compare honestly; points with a NaN or infinite coordinate are left out.
 */
public final class SvgChart {
    /** The shapes marks take, by kind: a ring, a square, a diamond. */
    private static final String[] SHAPE_TAGS = {"circle", "rect", "polygon"};
    private static final int SHAPES = SHAPE_TAGS.length;
    /** Colour-blind-safe (Okabe and Ito); series past its end repeat it dashed. */
    private static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#000000", "#999999"};

    private SvgChart() {}

    /** How an axis labels its ticks. */
    public enum Unit {
        /** Plain numbers, thousands shortened to k and millions to M. */
        NUMBER,
        /** Like NUMBER, with whole-number ticks only: turns, tokens. */
        COUNT,
        /** Dollars with cents at least. */
        USD,
        /** Shares from 0 to 1, labelled 0% to 100%; the axis always spans them all. */
        PERCENT;

        /** The label of the tick at {@code value}, with as many decimals as the step needs and no more. */
        String tick(double value, double step) {
            return switch (this) {
                case NUMBER, COUNT -> compact(value, step);
                case USD -> "$" + fixed(value, Math.max(2, decimals(step)));
                case PERCENT -> fixed(value * 100, decimals(step * 100)) + "%";
            };
        }

        private static String compact(double value, double step) {
            double abs = Math.abs(value);
            double divisor = abs >= 1e6 ? 1e6 : abs >= 1e3 ? 1e3 : 1;
            String suffix = divisor == 1e6 ? "M" : divisor == 1e3 ? "k" : "";
            return fixed(value / divisor, decimals(step / divisor)) + suffix;
        }

        /** The fewest decimals that write every multiple of the step exactly: 0.025 needs three, not two. */
        private static int decimals(double step) {
            int decimals = 0;
            while (decimals < 12 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                    > 1e-6) {
                decimals++;
            }
            return decimals;
        }

        private static String fixed(double value, int decimals) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
        }
    }

    public record Axis(String label, Unit unit) {}

    public record Point(double x, double y) {
        boolean finite() {
            return Double.isFinite(x) && Double.isFinite(y);
        }
    }

    /**
     * A point marked for what happened there.
     *
     * @param kind  an index into the chart's mark labels: each kind has its own shape (a ring, a square, a diamond)
     * @param title what happened, shown where the reader points at the mark
     */
    public record Mark(Point point, int kind, String title) {
        public Mark {
            if (kind < 0 || kind >= SHAPES) {
                throw new IllegalArgumentException("mark kind " + kind + " not in 0.." + (SHAPES - 1));
            }
        }
    }

    /**
     * @param marks    points to mark, such as the calls where a cache had expired
     * @param baseline what the other series are measured against, such as a recorded bill: drawn dotted and dark,
     *                 and it takes no colour from them
     */
    public record Series(String name, List<Point> points, List<Mark> marks, boolean baseline) {
        public Series {
            points = List.copyOf(points);
            marks = List.copyOf(marks);
        }

        public Series(String name, List<Point> points) {
            this(name, points, List.of(), false);
        }
    }

    public record LabeledPoint(String label, Point point) {}

    /** A line chart without marks. */
    public static String line(String title, Axis x, Axis y, List<Series> series) {
        return line(title, x, y, series, List.of());
    }

    /**
     * One polyline per series that has points, in the order given, its marks drawn in its colour, with a legend of
     * every series: one left empty still shows there, and keeps its colour, so that several charts of the same series
     * match.
     *
     * @param markLabels what each kind of mark means, by kind: the kinds some series marks are shown last in the legend
     */
    public static String line(String title, Axis x, Axis y, List<Series> series, List<String> markLabels) {
        List<List<Point>> drawn = series.stream().map(s -> s.points().stream().filter(Point::finite).toList())
                .toList();
        ChartFrame frame = ChartFrame.fitting(title, x, y, drawn.stream().flatMap(List::stream).toList());
        StringBuilder svg = frame.open();
        List<Pen> pens = pens(series);
        for (int i = 0; i < series.size(); i++) {
            List<Point> points = drawn.get(i);
            if (points.isEmpty()) {
                continue;
            }
            svg.append("<polyline data-series=\"").append(Xml.escape(series.get(i).name()))
                    .append("\" fill=\"none\" stroke-width=\"1.5\" stroke-linejoin=\"round\"")
                    .append(pens.get(i).stroke()).append(" points=\"");
            points.forEach(p -> frame.appendXy(svg, p).append(' '));
            svg.setLength(svg.length() - 1);
            svg.append("\"/>\n");
            // A line through one point draws nothing.
            if (points.size() == 1) {
                dot(svg, frame, points.get(0), pens.get(i).colour());
            }
            for (Mark mark : series.get(i).marks().stream().filter(mark -> mark.point().finite()).toList()) {
                shape(svg, mark.kind(), frame.px(mark.point().x()), frame.py(mark.point().y()), pens.get(i).colour())
                        .append(" data-series=\"").append(Xml.escape(series.get(i).name())).append("\"><title>")
                        .append(Xml.escape(mark.title())).append("</title></").append(SHAPE_TAGS[mark.kind()])
                        .append(">\n");
            }
        }
        Legend legend = new Legend();
        for (int i = 0; i < series.size(); i++) {
            int rowY = legend.sampleY();
            svg.append("<line x1=\"").append(ChartFrame.LEGEND).append("\" y1=\"").append(rowY).append("\" x2=\"")
                    .append(ChartFrame.LEGEND + 18).append("\" y2=\"").append(rowY).append("\" stroke-width=\"2\"")
                    .append(pens.get(i).stroke()).append("/>\n");
            legend.text(svg, legendName(series, drawn, i));
        }
        for (int kind = 0; kind < markLabels.size(); kind++) {
            int marked = kind;
            if (series.stream().flatMap(s -> s.marks().stream()).anyMatch(mark -> mark.kind() == marked)) {
                shape(svg, kind, ChartFrame.LEGEND + 9, legend.sampleY(), Pen.BASELINE.colour()).append("/>\n");
                legend.text(svg, markLabels.get(kind));
            }
        }
        return frame.close(svg);
    }

    /** The shape of a mark of this kind around a point, with class "mark"; the tag is left open. */
    private static StringBuilder shape(StringBuilder svg, int kind, double x, double y, String colour) {
        if (kind == 0) {
            return ring(svg, x, y, 5, colour);
        }
        if (kind == 1) {
            svg.append("<rect class=\"mark\" x=\"");
            ChartFrame.appendCoordinate(svg, x - 4.5).append("\" y=\"");
            ChartFrame.appendCoordinate(svg, y - 4.5).append("\" width=\"9\" height=\"9");
        } else {
            svg.append("<polygon class=\"mark\" points=\"");
            double[][] corners = {{x, y - 6}, {x + 6, y}, {x, y + 6}, {x - 6, y}};
            for (double[] corner : corners) {
                ChartFrame.appendCoordinate(svg, corner[0]).append(',');
                ChartFrame.appendCoordinate(svg, corner[1]).append(' ');
            }
            svg.setLength(svg.length() - 1);
        }
        return outline(svg, colour);
    }

    /** Closes the last attribute with an outline in {@code colour}. */
    private static StringBuilder outline(StringBuilder svg, String colour) {
        return svg.append("\" fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour).append('"');
    }

    /** The series' name, saying which earlier series it hides where it draws exactly the same line. */
    private static String legendName(List<Series> series, List<List<Point>> drawn, int index) {
        String name = series.get(index).name();
        if (drawn.get(index).isEmpty()) {
            return name;
        }
        return IntStream.range(0, index).filter(i -> drawn.get(i).equals(drawn.get(index))).mapToObj(i ->
                name + " = " + series.get(i).name()).findFirst().orElse(name);
    }

    /** An open ring around a point, marking it; the tag is left open for the caller's attributes. */
    private static StringBuilder ring(StringBuilder svg, double x, double y, double radius, String colour) {
        svg.append("<circle class=\"mark\" cx=\"");
        ChartFrame.appendCoordinate(svg, x).append("\" cy=\"");
        ChartFrame.appendCoordinate(svg, y).append("\" r=\"");
        return outline(ChartFrame.appendCoordinate(svg, radius), colour);
    }

    /**
     * One labelled dot per point, each in its own colour, inside a margin so that none sits on the frame. Points
     * drawn on the same spot share one label ("a = b") and show each colour, as a dot ringed by the others; labels of
     * near points are moved apart.
     */
    public static String scatter(String title, Axis x, Axis y, List<LabeledPoint> points) {
        List<LabeledPoint> drawn = points.stream().filter(p -> p.point().finite()).toList();
        ChartFrame frame = ChartFrame.padded(title, x, y, drawn.stream().map(LabeledPoint::point).toList());
        StringBuilder svg = frame.open();
        List<Spot> spots = Spot.of(drawn, frame);
        List<LabelLayout.Dot> dots = new ArrayList<>(spots.size());
        for (Spot spot : spots) {
            Point p = drawn.get(spot.members().get(0)).point();
            dot(svg, frame, p, PALETTE[spot.members().get(0) % PALETTE.length]);
            for (int k = 1; k < spot.members().size(); k++) {
                ring(svg, spot.x(), spot.y(), Spot.radius(k + 1) - 1, PALETTE[spot.members().get(k) % PALETTE.length])
                        .append("/>\n");
            }
            dots.add(new LabelLayout.Dot(spot.x(), spot.y(), Spot.radius(spot.members().size()), String.join(" = ",
                    spot.members().stream().map(i -> drawn.get(i).label()).toList())));
        }
        // Labels may run into the right margin, which a scatter leaves free of any legend.
        List<LabelLayout.Placement> placements = LabelLayout.place(dots, new LabelLayout.Box(ChartFrame.LEFT,
                ChartFrame.TOP - 12, ChartFrame.WIDTH - 4, ChartFrame.BOTTOM));
        for (int i = 0; i < dots.size(); i++) {
            LabelLayout.Placement placement = placements.get(i);
            svg.append("<text class=\"label\" x=\"");
            ChartFrame.appendCoordinate(svg, placement.x()).append("\" y=\"");
            ChartFrame.appendCoordinate(svg, placement.y()).append("\" text-anchor=\"").append(placement.anchor())
                    .append("\">").append(Xml.escape(dots.get(i).label())).append("</text>\n");
        }
        return frame.close(svg);
    }

    /**
     * Where one or more points are drawn: those within a pixel of each other look like one dot.
     *
     * @param members the points' indexes, in order
     */
    private record Spot(double x, double y, List<Integer> members) {
        static List<Spot> of(List<LabeledPoint> points, ChartFrame frame) {
            List<Spot> spots = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                double px = frame.px(points.get(i).point().x());
                double py = frame.py(points.get(i).point().y());
                Spot same = spots.stream().filter(s -> Math.hypot(s.x() - px, s.y() - py) < 1).findFirst()
                        .orElse(null);
                if (same == null) {
                    spots.add(new Spot(px, py, new ArrayList<>(List.of(i))));
                } else {
                    same.members().add(i);
                }
            }
            return spots;
        }

        /** How far the outermost of this many rings reaches: the dot's 4 px, then 3 px a ring. */
        static double radius(int count) {
            return 4 + 3 * (count - 1) + 1;
        }
    }

    private static void dot(StringBuilder svg, ChartFrame frame, Point p, String colour) {
        svg.append("<circle cx=\"");
        ChartFrame.appendCoordinate(svg, frame.px(p.x())).append("\" cy=\"");
        ChartFrame.appendCoordinate(svg, frame.py(p.y())).append("\" r=\"4\" fill=\"").append(colour).append("\"/>\n");
    }

    /** Each series' pen: palette colours in order, skipping the baselines, which have their own. */
    private static List<Pen> pens(List<Series> series) {
        List<Pen> pens = new ArrayList<>(series.size());
        int colours = 0;
        for (Series s : series) {
            pens.add(s.baseline() ? Pen.BASELINE : Pen.of(colours++));
        }
        return pens;
    }

    /** How a series is drawn: a colour, and a dash pattern where colours alone no longer tell series apart. */
    private record Pen(String colour, String dashes) {
        /** Dark and dotted, apart from every palette colour whatever the number of series. */
        static final Pen BASELINE = new Pen("#222222", "2 3");

        static Pen of(int index) {
            return new Pen(PALETTE[index % PALETTE.length], index / PALETTE.length % 2 == 0 ? "" : "6 3");
        }

        String stroke() {
            return " stroke=\"" + colour + "\"" + (dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\"");
        }
    }
}
