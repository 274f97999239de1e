package dev.cachet.evals.report;

import java.util.List;
import java.util.stream.LongStream;

/**
 * An axis with round tick values (1, 2, 2.5 or 5 times a power of ten) so that readers can interpolate, and ends
 * just past the data: on the next tick where that is near, else on a fifth of a step, so that a 152-call session
 * gets an axis to 160 rather than 200.
 *
 * @param min  where the axis starts, at or below the data
 * @param max  where the axis ends, at or above the data
 * @param step the distance between ticks
 */
record NiceScale(double min, double max, double step) {
    /** Snapping can leave a bound a rounding error past the data; the tolerance avoids a needless extra step. */
    private static final double TOLERANCE = 1e-9;

    /**
     * About {@code count} ticks covering {@code [low, high]}; an empty range gets a unit above it.
     *
     * @param whole ticks on whole numbers only, for things that come in units such as turns
     */
    static NiceScale covering(double low, double high, int count, boolean whole) {
        return covering(low, high, low, high, count, whole);
    }

    /**
     * Ticks spaced as for {@code [low, high]}, ends just past {@code [from, to]}: a margin around the data widens
     * the axis without thinning its ticks.
     */
    static NiceScale covering(double low, double high, double from, double to, int count, boolean whole) {
        if (high <= low) {
            high = low + Math.max(1, Math.abs(low));
            to = Math.max(to, high);
        }
        double step = niceStep((high - low) / (count - 1));
        if (whole) {
            step = step < 1 ? 1 : step == 2.5 ? 2 : step;
        }
        double unit = niceStep(step / 5);
        if (whole) {
            unit = Math.max(1, unit);
        }
        return new NiceScale(-end(-from, step, unit), end(to, step, unit), step);
    }

    /** The upper end for data up to {@code high}: the next tick if it is at most a unit past the next unit. */
    private static double end(double high, double step, double unit) {
        double tick = Math.ceil(high / step - TOLERANCE) * step;
        double tight = Math.ceil(high / unit - TOLERANCE) * unit;
        return tick - tight <= unit * (1 + TOLERANCE) ? tick : tight;
    }

    /** Whole multiples of the step within the axis, so that zero is exactly zero and never a rounding error off. */
    List<Double> ticks() {
        long first = (long) Math.ceil(min / step - TOLERANCE);
        long last = (long) Math.floor(max / step + TOLERANCE);
        return LongStream.rangeClosed(first, last).mapToObj(i -> i * step).toList();
    }

    /** Where {@code value} lies between min (0) and max (1). */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    private static double niceStep(double rough) {
        int exponent = (int) Math.floor(Math.log10(rough));
        double fraction = rough / Math.pow(10, exponent);
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        // Dividing by an exact power of ten, rather than multiplying by an inexact 10^-n, gives 0.05 and not
        // 0.05000000000000001: the scale then ends on the data rather than a rounding error short of it.
        return exponent < 0 ? nice / Math.pow(10, -exponent) : nice * Math.pow(10, exponent);
    }
}
