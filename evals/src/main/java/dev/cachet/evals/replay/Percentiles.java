package dev.cachet.evals.replay;

import java.util.Arrays;

/** Percentiles by nearest rank: always a value that occurred, so a p95 is a real call's cost. */
final class Percentiles {
    private Percentiles() {}

    static double nearestRank(double[] values, int percent) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
