package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a strategy's bill spikes: its dearest calls by input cost, which a total or a mean hides. */
final class Spikes {
    /** How many calls each strategy lists. */
    static final int PER_STRATEGY = 5;

    private Spikes() {}

    /** One call of one run. */
    record Spike(ReplayRun run, ReplayTurn call) {}

    /**
     * Each strategy's {@value #PER_STRATEGY} dearest calls over all traces, dearest first; strategies in the order
     * they first appear, equal costs in the order of the runs.
     */
    static List<Spike> worst(List<ReplayRun> runs) {
        Map<String, List<Spike>> byStrategy = new LinkedHashMap<>();
        for (ReplayRun run : runs) {
            List<Spike> calls = byStrategy.computeIfAbsent(run.strategy(), strategy -> new ArrayList<>());
            run.turns().forEach(call -> calls.add(new Spike(run, call)));
        }
        Comparator<Spike> dearestFirst =
                Comparator.comparingDouble((Spike spike) -> spike.call().inputCostUsd()).reversed();
        return byStrategy.values().stream()
                .flatMap(calls -> calls.stream().sorted(dearestFirst).limit(PER_STRATEGY)).toList();
    }
}
