package dev.cachet.evals.replay;

import dev.cachet.context.strategy.TranscriptStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures {@code cachet replay --format json} prints: one row per trajectory and strategy, and one per
 * strategy over all trajectories. Field names are part of the interface; do not rename them.
 */
public record ReplayReport(List<Run> runs, List<Summary> summary) {
    public ReplayReport {
        runs = List.copyOf(runs);
        summary = List.copyOf(summary);
    }

    public record Run(String trace, String strategy, int turns, long inputTokens, long cacheWriteTokens,
            long cacheReadTokens, long outputTokens, double inputCostUsd, double costUsd, double cacheHitRate,
            double referenceRecall, int peakWindowTokens) {

        static Run of(ReplayRun run) {
            return new Run(run.trace(), run.strategy(), run.turns().size(), run.usage().input(),
                    run.usage().cacheWrite(), run.usage().cacheRead(), run.usage().output(), run.inputCostUsd(),
                    run.costUsd(), run.cacheHitRate(), run.referenceRecall(), run.peakWindowTokens());
        }
    }

    /**
     * One strategy over every trajectory: costs summed; cache hit rate and recall pooled over all turns, so long
     * sessions weigh as much as they cost. The ratio is against the transcript strategy's input cost, null when
     * the transcript was not replayed.
     */
    public record Summary(String strategy, int traces, double inputCostUsd, double costUsd, double cacheHitRate,
            double referenceRecall, Double inputCostRatioVsTranscript) {}

    /** The report of these runs; strategies keep the order they first appear in. */
    public static ReplayReport of(List<ReplayRun> runs) {
        Map<String, List<ReplayRun>> byStrategy = new LinkedHashMap<>();
        runs.forEach(run -> byStrategy.computeIfAbsent(run.strategy(), s -> new ArrayList<>()).add(run));
        List<ReplayRun> transcript = byStrategy.get(TranscriptStrategy.NAME);
        Double transcriptCost = transcript == null ? null : inputCost(transcript);
        List<Summary> summary = new ArrayList<>();
        byStrategy.forEach((strategy, group) -> summary.add(summarize(strategy, group, transcriptCost)));
        return new ReplayReport(runs.stream().map(Run::of).toList(), summary);
    }

    private static Summary summarize(String strategy, List<ReplayRun> group, Double transcriptCost) {
        long read = 0;
        long input = 0;
        long references = 0;
        long visible = 0;
        for (ReplayRun run : group) {
            read += run.usage().cacheRead();
            input += run.usage().input();
            references += run.references();
            visible += run.visibleReferences();
        }
        double inputCost = inputCost(group);
        return new Summary(strategy, group.size(), inputCost, group.stream().mapToDouble(ReplayRun::costUsd).sum(),
                Ratios.of(read, input), references == 0 ? 1.0 : (double) visible / references,
                transcriptCost == null ? null : Ratios.of(inputCost, transcriptCost));
    }

    private static double inputCost(List<ReplayRun> runs) {
        return runs.stream().mapToDouble(ReplayRun::inputCostUsd).sum();
    }
}
