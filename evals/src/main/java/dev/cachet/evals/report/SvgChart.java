package dev.cachet.evals.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line and scatter charts as standalone SVG markup, fit to inline in HTML or to save as a file. Both axes always
 * include zero, so that sizes compare honestly; points with a NaN or infinite coordinate are left out.
 */
public final class SvgChart {
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
        /** Shares from 0 to 1, labelled 0% to 100%. */
        PERCENT;

        String tick(double value, double step) {
            return switch (this) {
                case NUMBER, COUNT -> compact(value, step);
                case USD -> "$" + fixed(value, Math.min(step, 0.01));
                case PERCENT -> fixed(value * 100, step * 100) + "%";
            };
        }

        private static String compact(double value, double step) {
            double abs = Math.abs(value);
            double divisor = abs >= 1e6 ? 1e6 : abs >= 1e3 ? 1e3 : 1;
            String suffix = divisor == 1e6 ? "M" : divisor == 1e3 ? "k" : "";
            return fixed(value / divisor, step / divisor) + suffix;
        }

        /** As many decimals as the step needs, so that neighbouring ticks read differently. */
        private static String fixed(double value, double step) {
            int decimals = 0;
            while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                    > 1e-6) {
                decimals++;
            }
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
     * @param marks    points to ring, such as the calls where a cache had expired
     * @param baseline what the other series are measured against, such as a recorded bill: drawn dotted and dark,
     *                 and it takes no colour from them
     */
    public record Series(String name, List<Point> points, List<Point> marks, boolean baseline) {
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
        return line(title, x, y, series, "");
    }

    /**
     * One polyline per series that has points, in the order given, its marks ringed, with a legend of every series:
     * one left empty still shows there, and keeps its colour, so that several charts of the same series match.
     *
     * @param marksLabel what the rings mean, shown last in the legend when some series has marks
     */
    public static String line(String title, Axis x, Axis y, List<Series> series, String marksLabel) {
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
            for (Point mark : series.get(i).marks().stream().filter(Point::finite).toList()) {
                ring(svg, frame.px(mark.x()), frame.py(mark.y()), pens.get(i).colour()).append(" data-series=\"")
                        .append(Xml.escape(series.get(i).name())).append("\"/>\n");
            }
        }
        for (int i = 0; i < series.size(); i++) {
            int rowY = legendRow(i);
            svg.append("<line x1=\"").append(ChartFrame.LEGEND).append("\" y1=\"").append(rowY).append("\" x2=\"")
                    .append(ChartFrame.LEGEND + 18).append("\" y2=\"").append(rowY).append("\" stroke-width=\"2\"")
                    .append(pens.get(i).stroke()).append("/>\n");
            ChartFrame.text(svg, ChartFrame.LEGEND + 24, rowY + 4, "start", series.get(i).name());
        }
        if (series.stream().anyMatch(s -> !s.marks().isEmpty())) {
            int rowY = legendRow(series.size());
            ring(svg, ChartFrame.LEGEND + 9, rowY, Pen.BASELINE.colour()).append("/>\n");
            ChartFrame.text(svg, ChartFrame.LEGEND + 24, rowY + 4, "start", marksLabel);
        }
        return frame.close(svg);
    }

    private static int legendRow(int index) {
        return ChartFrame.TOP + 6 + index * 18;
    }

    /** An open ring around a point, left open for the caller's attributes. */
    private static StringBuilder ring(StringBuilder svg, double x, double y, String colour) {
        svg.append("<circle class=\"mark\" cx=\"");
        ChartFrame.appendCoordinate(svg, x).append("\" cy=\"");
        return ChartFrame.appendCoordinate(svg, y).append("\" r=\"5\" fill=\"none\" stroke-width=\"1.5\" stroke=\"")
                .append(colour).append('"');
    }

    /** One labelled dot per point, each in its own colour. */
    public static String scatter(String title, Axis x, Axis y, List<LabeledPoint> points) {
        List<LabeledPoint> drawn = points.stream().filter(p -> p.point().finite()).toList();
        ChartFrame frame = ChartFrame.fitting(title, x, y, drawn.stream().map(LabeledPoint::point).toList());
        StringBuilder svg = frame.open();
        for (int i = 0; i < drawn.size(); i++) {
            Point p = drawn.get(i).point();
            dot(svg, frame, p, PALETTE[i % PALETTE.length]);
            ChartFrame.text(svg, frame.px(p.x()) + 8, frame.py(p.y()) + 4, "start", drawn.get(i).label());
        }
        return frame.close(svg);
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
