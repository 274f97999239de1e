package dev.cachet.evals.stats.report;

import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.evals.replay.BilledOnce;
import dev.cachet.evals.replay.CounterfactualReplay;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.trace.Trajectory;
import java.util.List;
import java.util.Optional;

/**
 * What a session would have cost had a strategy managed its context, from the counterfactual replay of each of its
 * parts that recorded its bill, against that bill as the replay reads it.
 *
 * @param costUsd     the strategy's replayed cost over the parts
 * @param recordedUsd the recorded bill of the same parts
 * @param savingUsd   the recorded bill less the strategy's cost: negative when the strategy would have cost more
 */
public record WhatIf(String session, String strategy, double costUsd, double recordedUsd, double savingUsd) {

    /** Saving over the recorded bill; 0 for a bill of nothing. */
    public double savingShare() {
        return recordedUsd == 0 ? 0 : savingUsd / recordedUsd;
    }

    /**
     * Replays each part of a session under {@code strategy}, each billing only the calls {@code once} leaves it;
     * empty when no part recorded its bill (a replay of estimated tokens has no bill to save on).
     */
    public static Optional<WhatIf> of(String session, List<Trajectory> parts, ConfiguredStrategy strategy,
            CounterfactualReplay replay, BilledOnce once) {
        double cost = 0;
        double recorded = 0;
        boolean billed = false;
        for (Trajectory part : parts) {
            List<ReplayRun> runs = replay.againstBill(part, List.of(strategy));
            Optional<ReplayRun> bill = runs.stream().filter(run -> run.strategy().equals(CounterfactualReplay.RECORDED))
                    .findFirst().flatMap(once::billed);
            if (bill.isPresent()) {
                billed = true;
                recorded += bill.get().costUsd();
                // A part may bill a side call (a ping before midnight) and none of the strategy's calls.
                cost += once.billed(runs.get(0)).map(ReplayRun::costUsd).orElse(0.0);
            }
        }
        return billed ? Optional.of(new WhatIf(session, strategy.info().name(), cost, recorded, recorded - cost))
                : Optional.empty();
    }
}
