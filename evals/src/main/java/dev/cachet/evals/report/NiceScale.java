package dev.cachet.evals.report;

import java.util.List;
import java.util.stream.LongStream;

/**
 * An axis range widened to round tick values (1, 2, 2.5 or 5 times a power of ten) so that readers can interpolate.
 *
 * @param min  the first tick, at or below the data
 * @param max  the last tick, at or above the data
 * @param step the distance between ticks
 */
record NiceScale(double min, double max, double step) {

    /**
     * About {@code count} ticks covering {@code [low, high]}; an empty range gets a unit above it.
     *
     * @param whole ticks on whole numbers only, for things that come in units such as turns
     */
    static NiceScale covering(double low, double high, int count, boolean whole) {
        if (high <= low) {
            high = low + Math.max(1, Math.abs(low));
        }
        double step = niceStep((high - low) / (count - 1));
        if (whole) {
            step = step < 1 ? 1 : step == 2.5 ? 2 : step;
        }
        // Snapping can leave a bound a rounding error past the data; the tolerance avoids a needless extra tick.
        double min = Math.floor(low / step + 1e-9) * step;
        double max = Math.ceil(high / step - 1e-9) * step;
        return new NiceScale(min, max, step);
    }

    /** Whole multiples of the step, so that zero is exactly zero and never a rounding error below it. */
    List<Double> ticks() {
        long first = Math.round(min / step);
        long last = Math.round(max / step);
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
