package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;
import java.util.List;

/** One trajectory replayed under one strategy, turn by turn. */
public record ReplayRun(String trace, String strategy, List<ReplayTurn> turns) {
    public ReplayRun {
        turns = List.copyOf(turns);
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

    /** Visible over used references; 1 when the actions used none. */
    public double referenceRecall() {
        return references() == 0 ? 1.0 : (double) visibleReferences() / references();
    }
}
