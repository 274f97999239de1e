package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How close the replay of the original harness's own behaviour (its transcript, its provider's cache at the lifetime
 * and times of its log) comes to the bill it recorded: the check that the replay's token counts and cache simulators
 * are right on real data. Each error is (replayed - recorded) / recorded, signed; the cache-read share error is in
 * points of share.
 */
public record Fidelity(String trace, double costError, double inputError, double perCallInputMedianError,
        double cacheReadShareError) {
    /** What {@link #overall} names its figures by, in place of a trace. */
    public static final String OVERALL = "overall";

    /** The original harness's replay of a trace against the trace's recorded bill, call by call. */
    public static Fidelity of(ReplayRun original, ReplayRun recorded) {
        return pooled(recorded.trace(), List.of(new Compared(original, recorded)));
    }

    /** One per recorded bill among these runs that comes with its original's replay, in the order of the runs. */
    public static List<Fidelity> perTrace(List<ReplayRun> runs) {
        return compared(runs).stream().map(pair -> of(pair.original(), pair.recorded())).toList();
    }

    /**
     * Every such trace of these runs, as one: cost and input summed over them, the median over all
     * their calls, the cache-read share of all their input; so a long session weighs as much as it cost. Empty
     * when no trace has a bill.
     */
    public static Optional<Fidelity> overall(List<ReplayRun> runs) {
        List<Compared> compared = compared(runs);
        return compared.isEmpty() ? Optional.empty() : Optional.of(pooled(OVERALL, compared));
    }

    /** A trace's original replayed beside its recorded bill. */
    private record Compared(ReplayRun original, ReplayRun recorded) {
        Compared {
            if (original.turns().size() != recorded.turns().size()) {
                throw new IllegalArgumentException(original.trace() + ": " + original.turns().size()
                        + " replayed calls, " + recorded.turns().size() + " recorded");
            }
        }
    }

    private static List<Compared> compared(List<ReplayRun> runs) {
        return runs.stream().filter(run -> run.strategy().equals(CounterfactualReplay.RECORDED))
                .flatMap(bill -> bill.original().map(original -> new Compared(original, bill)).stream()).toList();
    }

    private static Fidelity pooled(String name, List<Compared> compared) {
        List<Double> perCall = new ArrayList<>();
        for (Compared pair : compared) {
            for (int i = 0; i < pair.recorded().turns().size(); i++) {
                long billed = pair.recorded().turns().get(i).usage().input();
                if (billed > 0) {
                    perCall.add(Math.abs(pair.original().turns().get(i).usage().input() - billed) / (double) billed);
                }
            }
        }
        Usage replayed = compared.stream().map(pair -> pair.original().usage()).reduce(Usage.ZERO, Usage::plus);
        Usage billed = compared.stream().map(pair -> pair.recorded().usage()).reduce(Usage.ZERO, Usage::plus);
        return new Fidelity(name, error(cost(compared, Compared::original), cost(compared, Compared::recorded)),
                error(replayed.input(), billed.input()),
                Percentiles.nearestRank(perCall.stream().mapToDouble(Double::doubleValue).toArray(), 50),
                Ratios.of(replayed.cacheRead(), replayed.input()) - Ratios.of(billed.cacheRead(), billed.input()));
    }

    private static double cost(List<Compared> compared, Function<Compared, ReplayRun> side) {
        return compared.stream().map(side).mapToDouble(ReplayRun::costUsd).sum();
    }

    private static double error(double replayed, double recorded) {
        return recorded == 0 ? 0 : (replayed - recorded) / recorded;
    }
}
