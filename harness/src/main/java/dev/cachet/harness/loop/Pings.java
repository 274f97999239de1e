package dev.cachet.harness.loop;

/** The keep-alive pings a session sent and what they cost in all. */
public record Pings(int count, double costUsd) {
    public static final Pings NONE = new Pings(0, 0);

    public Pings plus(double pingCostUsd) {
        return new Pings(count + 1, costUsd + pingCostUsd);
    }
}
