package dev.cachet.evals.matrix;

/** A confidence interval, bounds included. */
public record Interval(double low, double high) {
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
