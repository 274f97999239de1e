package dev.cachet.evals.matrix;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for a mean. The seed is fixed so that a report reads the same every time it is
 * made from the same results; since every call draws the same resamples for the same number of values, intervals of
 * several figures of the same runs come from the same resampled runs.
 */
final class Bootstrap {
    static final int RESAMPLES = 2_000;
    private static final long SEED = 20_240_601L;
    private static final double LEVEL = 0.95;

    private Bootstrap() {}

    /** The 95% interval of the mean of {@code values}, resampled with replacement. */
    static Interval ofMean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to resample");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        Arrays.sort(means);
        double tail = (1 - LEVEL) / 2;
        return new Interval(percentile(means, tail), percentile(means, 1 - tail));
    }

    private static double percentile(double[] sorted, double share) {
        return sorted[(int) Math.round(share * (sorted.length - 1))];
    }
}
