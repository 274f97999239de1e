package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One trajectory replayed under one strategy, turn by turn.
 *
 * @param estimated      true when the trace lacks the usage of some call, so its token counts are o200k's, not fitted
 *                       to a bill
 * @param restartCostUsd what the first call of the session resumed after its cache expired would cost: the window
 *                       the strategy renders then, knowing the pause, sent to an empty cache
 * @param original       on a recorded bill's run, the original harness's behaviour replayed as it ran (its
 *                       transcript, at the cache lifetime and times of its log), which {@link Fidelity} checks against
 *                       the bill; empty on any other run, on a bill a row counted by place, and where the replay had
 *                       no transcript to run
 */
public record ReplayRun(String trace, String strategy, List<ReplayTurn> turns, boolean estimated,
        double restartCostUsd, Optional<ReplayRun> original) {
    public ReplayRun {
        turns = List.copyOf(turns);
    }

    /** A strategy's run, or a bill without its original's replay. */
    public ReplayRun(String trace, String strategy, List<ReplayTurn> turns, boolean estimated, double restartCostUsd) {
        this(trace, strategy, turns, estimated, restartCostUsd, Optional.empty());
    }

    /** This run with only the turns {@code kept} (its original's too): calls billed in another trace are left out. */
    ReplayRun keeping(Predicate<ReplayTurn> kept) {
        return new ReplayRun(trace, strategy, turns.stream().filter(kept).toList(), estimated, restartCostUsd,
                original.map(run -> run.keeping(kept)));
    }

    /**
     * This run as a row counts it: the calls {@code own} takes by number, and the side calls its log billed before
     * them that {@code side} takes by index; a call that keeps neither is left out. It has no original: a row's bill
     * may keep a call's side calls alone, which the original's replay has no call to match.
     */
    ReplayRun counting(IntPredicate own, IntPredicate side) {
        return new ReplayRun(trace, strategy, turns.stream()
                .flatMap(turn -> turn.billing(own.test(turn.turn()), side).stream()).toList(), estimated,
                restartCostUsd);
    }

    /** The recorded bills among these runs, by trace. */
    static Map<String, ReplayRun> billsByTrace(List<ReplayRun> runs) {
        return runs.stream().filter(run -> run.strategy().equals(CounterfactualReplay.RECORDED))
                .collect(Collectors.toMap(ReplayRun::trace, Function.identity(), (first, second) -> first));
    }

    public Usage usage() {
        return turns.stream().map(ReplayTurn::usage).reduce(Usage.ZERO, Usage::plus);
    }

    public double costUsd() {
        return turns.stream().mapToDouble(ReplayTurn::costUsd).sum();
    }

    /** Uncached input, cache writes and cache reads: what a strategy changes (output is the same for all). */
    public double inputCostUsd() {
        return turns.stream().mapToDouble(ReplayTurn::inputCostUsd).sum();
    }

    public int references() {
        return turns.stream().mapToInt(ReplayTurn::references).sum();
    }

    public int visibleReferences() {
        return turns.stream().mapToInt(ReplayTurn::visible).sum();
    }

    public int peakWindowTokens() {
        return turns.stream().mapToInt(ReplayTurn::windowTokens).max().orElse(0);
    }

    /** Cache reads over all input. */
    public double cacheHitRate() {
        return Ratios.of(usage().cacheRead(), usage().input());
    }

    /** Calls that came after the cache's TTL had passed. */
    public int coldCalls() {
        return (int) turns.stream().filter(ReplayTurn::cold).count();
    }

    /** The per-call input cost that {@code percent}% of the calls stay at or under (nearest rank). */
    public double callInputCostPercentile(int percent) {
        return Percentiles.nearestRank(turns.stream().mapToDouble(ReplayTurn::inputCostUsd).toArray(), percent);
    }

    /** Keep-alive pings sent over the session. */
    public int pings() {
        return turns.stream().mapToInt(turn -> turn.cache().pings()).sum();
    }

    public double pingCostUsd() {
        return turns.stream().mapToDouble(turn -> turn.cache().pingCostUsd()).sum();
    }

    public int pointerReferences() {
        return turns.stream().mapToInt(ReplayTurn::pointers).sum();
    }

    public double rereadCostUsd() {
        return turns.stream().mapToDouble(ReplayTurn::rereadCostUsd).sum();
    }

    /** References shown as content the agent can act on, over used references; 1 when the actions used none. */
    public double contentRecall() {
        return references() == 0 ? 1.0 : (double) (visibleReferences() - pointerReferences()) / references();
    }

    /** References shown only as pointers, over used references: with content recall, the reference recall. */
    public double pointerRecall() {
        return references() == 0 ? 0.0 : (double) pointerReferences() / references();
    }

    /** Visible over used references; 1 when the actions used none. */
    public double referenceRecall() {
        return references() == 0 ? 1.0 : (double) visibleReferences() / references();
    }
}
