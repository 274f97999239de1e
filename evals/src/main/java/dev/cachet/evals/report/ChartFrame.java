package dev.cachet.evals.report;

import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Unit;
import java.util.List;

/** What every chart shares: the canvas, title, grid, axes with their ticks, and the mapping of data to pixels. */
final class ChartFrame {
    // Small enough for three side by side on a wide screen at a readable scale.
    static final int WIDTH = 600;
    static final int HEIGHT = 300;
    static final int LEFT = 80;
    static final int TOP = 40;
    static final int RIGHT = 448;
    static final int BOTTOM = 240;
    /** Where the legend column starts, right of the plot. */
    static final int LEGEND = 464;
    private static final int TICKS = 5;
    private static final double MARGIN = 0.06;

    private final String title;
    private final Axis xAxis;
    private final Axis yAxis;
    private final NiceScale xs;
    private final NiceScale ys;
    private final boolean empty;

    private ChartFrame(String title, Axis xAxis, Axis yAxis, NiceScale xs, NiceScale ys, boolean empty) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.xs = xs;
        this.ys = ys;
        this.empty = empty;
    }

    /** Scales that cover zero and every one of these finite points. */
    static ChartFrame fitting(String title, Axis x, Axis y, List<Point> points) {
        return framing(title, x, y, points, 0);
    }

    /**
     * Like {@link #fitting}, with a margin of {@value #MARGIN} of each axis's span around the points, so that no dot
     * sits on the frame; zero stays the axis's end where the points keep clear of it.
     */
    static ChartFrame padded(String title, Axis x, Axis y, List<Point> points) {
        return framing(title, x, y, points, MARGIN);
    }

    private static ChartFrame framing(String title, Axis x, Axis y, List<Point> points, double margin) {
        return new ChartFrame(title, x, y, scale(points.stream().mapToDouble(Point::x).toArray(), x, margin),
                scale(points.stream().mapToDouble(Point::y).toArray(), y, margin), points.isEmpty());
    }

    /**
     * One axis: ticks over zero and every value, the ends widened by the margin where values come near them. Shares
     * always span 0 to 100%, so that a rate reads against the whole rather than magnified.
     */
    private static NiceScale scale(double[] values, Axis axis, double margin) {
        // low and high bound what the axis must show, lowest and highest the values alone.
        double low = 0;
        double high = axis.unit() == Unit.PERCENT ? 1 : 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
        }
        double pad = margin * (high - low);
        return NiceScale.covering(low, high, Math.min(low, lowest - pad), Math.max(high, highest + pad), TICKS,
                axis.unit() == Unit.COUNT);
    }

    double px(double x) {
        return LEFT + xs.fraction(x) * (RIGHT - LEFT);
    }

    double py(double y) {
        return BOTTOM - ys.fraction(y) * (BOTTOM - TOP);
    }

    StringBuilder appendXy(StringBuilder svg, Point p) {
        return appendCoordinate(appendCoordinate(svg, px(p.x())).append(','), py(p.y()));
    }

    /** The opening tag and everything drawn below the data. */
    StringBuilder open() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#222\">\n");
        svg.append("<title>").append(Xml.escape(title)).append("</title>\n");
        svg.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#fff\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"15\" font-weight=\"bold\">")
                .append(Xml.escape(title)).append("</text>\n");
        svg.append("<g stroke=\"#e3e3e3\">\n");
        for (double tick : xs.ticks()) {
            verticalLine(svg, px(tick));
        }
        for (double tick : ys.ticks()) {
            horizontalLine(svg, py(tick));
        }
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(RIGHT - LEFT).append("\" height=\"").append(BOTTOM - TOP).append("\" fill=\"none\"/>\n");
        svg.append("</g>\n<g stroke=\"#444\">\n");
        // The scales always cover zero: the axes cross there.
        verticalLine(svg, px(0));
        horizontalLine(svg, py(0));
        svg.append("</g>\n");
        for (double tick : xs.ticks()) {
            text(svg, px(tick), BOTTOM + 18, "middle", xAxis.unit().tick(tick, xs.step()));
        }
        for (double tick : ys.ticks()) {
            text(svg, LEFT - 8, py(tick) + 4, "end", yAxis.unit().tick(tick, ys.step()));
        }
        text(svg, (LEFT + RIGHT) / 2.0, BOTTOM + 44, "middle", xAxis.label());
        int middle = (TOP + BOTTOM) / 2;
        svg.append("<text x=\"16\" y=\"").append(middle).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(middle).append(")\">").append(Xml.escape(yAxis.label())).append("</text>\n");
        if (empty) {
            text(svg, (LEFT + RIGHT) / 2.0, middle, "middle", "no data");
        }
        return svg;
    }

    String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    static void text(StringBuilder svg, double x, double y, String anchor, String content) {
        svg.append("<text x=\"");
        appendCoordinate(svg, x).append("\" y=\"");
        appendCoordinate(svg, y).append("\" text-anchor=\"").append(anchor).append("\">").append(Xml.escape(content))
                .append("</text>\n");
    }

    /** One decimal, no more: a tenth of a pixel is invisible, and long traces would otherwise make files huge. */
    static StringBuilder appendCoordinate(StringBuilder svg, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            svg.append('-');
            tenths = -tenths;
        }
        svg.append(tenths / 10);
        return tenths % 10 == 0 ? svg : svg.append('.').append(tenths % 10);
    }

    private static void verticalLine(StringBuilder svg, double x) {
        svg.append("<line x1=\"");
        appendCoordinate(svg, x).append("\" y1=\"").append(TOP).append("\" x2=\"");
        appendCoordinate(svg, x).append("\" y2=\"").append(BOTTOM).append("\"/>\n");
    }

    private static void horizontalLine(StringBuilder svg, double y) {
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"");
        appendCoordinate(svg, y).append("\" x2=\"").append(RIGHT).append("\" y2=\"");
        appendCoordinate(svg, y).append("\"/>\n");
    }
}
