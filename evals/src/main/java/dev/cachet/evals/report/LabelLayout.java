package dev.cachet.evals.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the labels of a scatter's dots where they overlap neither each other, nor any dot, nor the plot's edges:
 * right of the dot where there is room, else left, above, below, then further up or down beside it.
 */
final class LabelLayout {
    /** About the width of a character of 12 px sans-serif, a little generous so that neighbours keep apart. */
    static final double CHAR_WIDTH = 7.2;
    private static final double ASCENT = 11;
    private static final double DESCENT = 3;
    private static final double GAP = 4;
    private static final int SHIFTS = 6;
    /** What leaving the bounds costs against overlapping: more than any overlap of labels this size. */
    private static final double OUTSIDE = 1e6;

    private LabelLayout() {}

    /** A dot of this radius at x, y, to be labelled. */
    record Dot(double x, double y, double radius, String label) {
        Box box() {
            return new Box(x - radius, y - radius, x + radius, y + radius);
        }
    }

    /** Where a label goes: its baseline and text anchor, as SVG takes them. */
    record Placement(double x, double y, String anchor) {}

    record Box(double left, double top, double right, double bottom) {
        double overlap(Box other) {
            double width = Math.min(right, other.right) - Math.max(left, other.left);
            double height = Math.min(bottom, other.bottom) - Math.max(top, other.top);
            return width > 0 && height > 0 ? width * height : 0;
        }

        boolean within(Box bounds) {
            return left >= bounds.left && right <= bounds.right && top >= bounds.top && bottom <= bounds.bottom;
        }
    }

    /** One placement per dot, in order; each takes the first candidate that costs nothing, else the cheapest. */
    static List<Placement> place(List<Dot> dots, Box bounds) {
        List<Box> taken = new ArrayList<>(dots.stream().map(Dot::box).toList());
        List<Placement> placements = new ArrayList<>(dots.size());
        for (Dot dot : dots) {
            Placement best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (Placement candidate : candidates(dot)) {
                Box box = box(candidate, dot.label());
                double cost = (box.within(bounds) ? 0 : OUTSIDE)
                        + taken.stream().mapToDouble(box::overlap).sum();
                if (cost < bestCost) {
                    best = candidate;
                    bestCost = cost;
                }
                if (cost == 0) {
                    break;
                }
            }
            placements.add(best);
            taken.add(box(best, dot.label()));
        }
        return placements;
    }

    private static List<Placement> candidates(Dot dot) {
        double side = dot.radius() + GAP;
        double middle = dot.y() + GAP;
        List<Placement> candidates = new ArrayList<>(List.of(
                new Placement(dot.x() + side, middle, "start"),
                new Placement(dot.x() - side, middle, "end"),
                new Placement(dot.x(), dot.y() - side - DESCENT, "middle"),
                new Placement(dot.x(), dot.y() + side + ASCENT, "middle")));
        double line = ASCENT + DESCENT;
        for (int shift = 1; shift <= SHIFTS; shift++) {
            for (double y : new double[] {middle - shift * line, middle + shift * line}) {
                candidates.add(new Placement(dot.x() + side, y, "start"));
                candidates.add(new Placement(dot.x() - side, y, "end"));
            }
        }
        return candidates;
    }

    private static Box box(Placement placement, String label) {
        double width = label.length() * CHAR_WIDTH;
        double left = switch (placement.anchor()) {
            case "middle" -> placement.x() - width / 2;
            case "end" -> placement.x() - width;
            default -> placement.x();
        };
        return new Box(left, placement.y() - ASCENT, left + width, placement.y() + DESCENT);
    }
}
