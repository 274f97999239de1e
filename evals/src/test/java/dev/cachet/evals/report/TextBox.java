package dev.cachet.evals.report;

import org.w3c.dom.Element;

/**
 * Where an SVG text element of one line is drawn, estimated as a browser would lay out 12 px sans-serif: about 7 px
 * per character, 11 px above the baseline and 3 below.
 */
record TextBox(double left, double top, double right, double bottom) {
    private static final double CHAR_WIDTH = 7;

    static TextBox of(Element text) {
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        double width = text.getTextContent().length() * CHAR_WIDTH;
        double left = switch (text.getAttribute("text-anchor")) {
            case "middle" -> x - width / 2;
            case "end" -> x - width;
            default -> x;
        };
        return new TextBox(left, y - 11, left + width, y + 3);
    }

    boolean overlaps(TextBox other) {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }

    boolean contains(double x, double y) {
        return left <= x && x <= right && top <= y && y <= bottom;
    }
}
