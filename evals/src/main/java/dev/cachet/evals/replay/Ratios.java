package dev.cachet.evals.replay;

/** Shares that read 0 rather than NaN when there is nothing to share. */
final class Ratios {
    private Ratios() {}

    static double of(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
