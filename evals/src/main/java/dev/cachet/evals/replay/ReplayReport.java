package dev.cachet.evals.replay;

import dev.cachet.context.strategy.TranscriptStrategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures {@code cachet replay --format json} prints: one row per trajectory and strategy (the recorded bill
 * among them, as strategy {@value CounterfactualReplay#RECORDED}), one per strategy over all trajectories (the
 * recorded bills are the baseline there, not a row), and how close the original harness's replay comes to each
 * recorded bill (the reports add {@link Fidelity#overall}). Field names are part of the interface; do not rename them.
 */
public record ReplayReport(List<Run> runs, List<Summary> summary, List<Fidelity> fidelity, List<CacheHealth> cache) {
    public ReplayReport {
        runs = List.copyOf(runs);
        summary = List.copyOf(summary);
        fidelity = List.copyOf(fidelity);
        cache = List.copyOf(cache);
    }

    /**
     * @param referenceRecall    null on a recorded bill, which renders no window to recall from
     * @param estimated          true where the trace has no recorded usage: token counts are o200k's
     * @param costRatioVsRecorded cost over the trace's recorded bill; null without one
     * @param rereadCostUsd      what re-reading the outputs the windows lacked cost: part of the input cost, in no
     *                           token count
     */
    public record Run(String trace, String strategy, int turns, long inputTokens, long cacheWriteTokens,
            long cacheReadTokens, long outputTokens, double inputCostUsd, double costUsd, double cacheHitRate,
            Double referenceRecall, int peakWindowTokens, boolean estimated, Double costRatioVsRecorded,
            double p50CallInputCostUsd, double p95CallInputCostUsd, double maxCallInputCostUsd, int coldCalls,
            double restartCostUsd, int pings, double pingCostUsd, double rereadCostUsd, List<Miss> misses) {

        static Run of(ReplayRun run, Optional<ReplayRun> recorded) {
            boolean bill = run.strategy().equals(CounterfactualReplay.RECORDED);
            return new Run(run.trace(), run.strategy(), run.turns().size(), run.usage().input(),
                    run.usage().cacheWrite(), run.usage().cacheRead(), run.usage().output(), run.inputCostUsd(),
                    run.costUsd(), run.cacheHitRate(), bill ? null : run.referenceRecall(), run.peakWindowTokens(),
                    run.estimated(), recorded.map(b -> Ratios.of(run.costUsd(), b.costUsd())).orElse(null),
                    run.callInputCostPercentile(50), run.callInputCostPercentile(95), run.callInputCostPercentile(100),
                    run.coldCalls(), run.restartCostUsd(), run.pings(), run.pingCostUsd(), run.rereadCostUsd(),
                    Miss.of(run));
        }
    }

    /**
     * A call that read less from the cache than the cache held before it, why, and the call's whole input cost (its
     * tokens, and what besides them it paid: re-reads, pings, summaries): an expired call's is the spike it met.
     */
    public record Miss(int call, CacheMiss.Cause cause, long lostTokens, String detail, double inputCostUsd) {
        static List<Miss> of(ReplayRun run) {
            return run.turns().stream().flatMap(turn -> turn.cache().miss().stream().map(miss ->
                    new Miss(turn.turn(), miss.cause(), miss.lostTokens(), miss.detail(), turn.inputCostUsd())))
                    .toList();
        }
    }

    /**
     * One strategy's cache over every trajectory (the recorded bills among them): its misses by cause, the tokens
     * they lost, and the keep-alive pings it sent.
     */
    public record CacheHealth(String strategy, int calls, int misses, Map<CacheMiss.Cause, Integer> missesByCause,
            long lostTokens, int pings, double pingCostUsd) {
        static CacheHealth of(String strategy, List<ReplayRun> runs) {
            Map<CacheMiss.Cause, Integer> byCause = new EnumMap<>(CacheMiss.Cause.class);
            long lost = 0;
            for (ReplayRun run : runs) {
                for (Miss miss : Miss.of(run)) {
                    byCause.merge(miss.cause(), 1, Integer::sum);
                    lost += miss.lostTokens();
                }
            }
            return new CacheHealth(strategy, runs.stream().mapToInt(run -> run.turns().size()).sum(),
                    byCause.values().stream().mapToInt(Integer::intValue).sum(), byCause, lost,
                    runs.stream().mapToInt(ReplayRun::pings).sum(), runs.stream().mapToDouble(ReplayRun::pingCostUsd).sum());
        }
    }

    /**
     * One strategy over every trajectory: costs summed; cache hit rate and recall pooled over all turns, so long
     * sessions weigh as much as they cost. The ratios are against the transcript strategy (input cost, and the p95
     * of per-call input cost over all calls), null when the transcript was not replayed; and against the recorded
     * bills, over the traces that have one, null when none has.
     */
    public record Summary(String strategy, int traces, double inputCostUsd, double costUsd, double cacheHitRate,
            double referenceRecall, Double inputCostRatioVsTranscript, Double costRatioVsRecorded,
            Double p95CallInputCostRatioVsTranscript, double contentRecall, double pointerRecall, double rereadCostUsd) {}

    /** The report of these runs; strategies keep the order they first appear in. */
    public static ReplayReport of(List<ReplayRun> runs) {
        Map<String, List<ReplayRun>> byStrategy = new LinkedHashMap<>();
        runs.forEach(run -> byStrategy.computeIfAbsent(run.strategy(), s -> new ArrayList<>()).add(run));
        Map<String, ReplayRun> bills = ReplayRun.billsByTrace(runs);
        Optional<Baseline> transcript = Optional.ofNullable(byStrategy.get(TranscriptStrategy.NAME))
                .map(group -> new Baseline(inputCost(group), p95(group)));
        List<Summary> summary = new ArrayList<>();
        List<CacheHealth> cache = new ArrayList<>();
        byStrategy.forEach((strategy, group) -> cache.add(CacheHealth.of(strategy, group)));
        byStrategy.remove(CounterfactualReplay.RECORDED);
        byStrategy.forEach((strategy, group) -> summary.add(summarize(strategy, group, transcript, bills)));
        return new ReplayReport(
                runs.stream().map(run -> Run.of(run, Optional.ofNullable(bills.get(run.trace())))).toList(), summary,
                Fidelity.perTrace(runs), cache);
    }

    /** What every strategy is compared with: the transcript's input cost and p95 per-call input cost. */
    private record Baseline(double inputCost, double p95) {}

    private static Summary summarize(String strategy, List<ReplayRun> group, Optional<Baseline> transcript,
            Map<String, ReplayRun> bills) {
        long read = 0;
        long input = 0;
        long references = 0;
        long visible = 0;
        long pointers = 0;
        for (ReplayRun run : group) {
            read += run.usage().cacheRead();
            input += run.usage().input();
            references += run.references();
            visible += run.visibleReferences();
            pointers += run.pointerReferences();
        }
        double inputCost = inputCost(group);
        List<ReplayRun> billed = group.stream().filter(run -> bills.containsKey(run.trace())).toList();
        double billedCost = billed.stream().mapToDouble(run -> bills.get(run.trace()).costUsd()).sum();
        return new Summary(strategy, group.size(), inputCost, group.stream().mapToDouble(ReplayRun::costUsd).sum(),
                Ratios.of(read, input), references == 0 ? 1.0 : (double) visible / references,
                transcript.map(baseline -> Ratios.of(inputCost, baseline.inputCost())).orElse(null),
                billed.isEmpty() ? null : Ratios.of(billed.stream().mapToDouble(ReplayRun::costUsd).sum(), billedCost),
                transcript.map(baseline -> Ratios.of(p95(group), baseline.p95())).orElse(null),
                references == 0 ? 1.0 : (double) (visible - pointers) / references, Ratios.of(pointers, references),
                group.stream().mapToDouble(ReplayRun::rereadCostUsd).sum());
    }

    private static double p95(List<ReplayRun> runs) {
        return Percentiles.nearestRank(runs.stream().flatMap(run -> run.turns().stream())
                .mapToDouble(ReplayTurn::inputCostUsd).toArray(), 95);
    }

    private static double inputCost(List<ReplayRun> runs) {
        return runs.stream().mapToDouble(ReplayRun::inputCostUsd).sum();
    }
}
