package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * How close the replay of the original harness's own behaviour (its transcript, its provider's cache) comes to the
 * bill it recorded: the check that the replay's token counts and cache simulators are right on real data. Each error
 * is (replayed - recorded) / recorded, signed; the cache-read share error is in points of share.
 */
public record Fidelity(String trace, double costError, double inputError, double perCallInputMedianError,
        double cacheReadShareError) {

    /** The transcript's replay of a trace against the trace's recorded bill, call by call. */
    public static Fidelity of(ReplayRun transcript, ReplayRun recorded) {
        if (transcript.turns().size() != recorded.turns().size()) {
            throw new IllegalArgumentException(transcript.trace() + ": " + transcript.turns().size() + " replayed calls, "
                    + recorded.turns().size() + " recorded");
        }
        List<Double> perCall = new ArrayList<>();
        for (int i = 0; i < recorded.turns().size(); i++) {
            long billed = recorded.turns().get(i).usage().input();
            if (billed > 0) {
                perCall.add(Math.abs(transcript.turns().get(i).usage().input() - billed) / (double) billed);
            }
        }
        Usage replayed = transcript.usage();
        Usage billed = recorded.usage();
        return new Fidelity(recorded.trace(), error(transcript.costUsd(), recorded.costUsd()),
                error(replayed.input(), billed.input()),
                Percentiles.nearestRank(perCall.stream().mapToDouble(Double::doubleValue).toArray(), 50),
                Ratios.of(replayed.cacheRead(), replayed.input()) - Ratios.of(billed.cacheRead(), billed.input()));
    }

    private static double error(double replayed, double recorded) {
        return recorded == 0 ? 0 : (replayed - recorded) / recorded;
    }
}
