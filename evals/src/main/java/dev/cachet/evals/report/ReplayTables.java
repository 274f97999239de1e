package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.evals.replay.CacheMiss;
import dev.cachet.evals.replay.CounterfactualReplay;
import dev.cachet.evals.replay.Fidelity;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.CacheHealth;
import dev.cachet.evals.replay.ReplayReport.Run;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tables of a replay report and the sentences that read them, the same in every format. */
final class ReplayTables {
    /** Under every fidelity table: what its figures are. */
    static final String FIDELITY_NOTE = "The original harness replayed as it ran (its transcript, at the cache "
            + "lifetime and times of its log) against the recorded bill: (replayed - recorded) / recorded for cost "
            + "and input, the median of each call's absolute input error, the cache-read share in points; overall "
            + "pools every trace with usage.";

    /** What the replay billed as, before the model given: a log that names its model is billed as that model. */
    static final String BILLED_AS = "each log's own model where it names one, else ";
    /** In place of the fidelity table when no trace has a bill. */
    static final String NO_BILL = "No trace records its usage, so there is no bill to check the replay against.";

    private ReplayTables() {}

    /** Which traces were fitted to a bill and which are estimated, for the head of every report. */
    static String basis(ReplayReport report) {
        long traces = report.runs().stream().map(Run::trace).distinct().count();
        long billed = report.runs().stream().filter(ReplayTables::recorded).count();
        return "Recorded usage: " + billed + " of " + traces + " traces (token counts fitted to their bill, which is "
                + "their recorded row); estimated: " + (traces - billed) + " (o200k counts, no bill).";
    }

    static boolean recorded(Run run) {
        return run.strategy().equals(CounterfactualReplay.RECORDED);
    }

    static Table summary(ReplayReport report) {
        return Table.of(report.summary(),
                text("Strategy", Summary::strategy),
                number("Traces", s -> Formats.count(s.traces())),
                number("Input cost", s -> Formats.usd(s.inputCostUsd())),
                number("Total cost", s -> Formats.usd(s.costUsd())),
                number("Cache hit rate", s -> Formats.percent(s.cacheHitRate())),
                number("Reference recall", s -> Formats.percent(s.referenceRecall())),
                number("Input cost vs transcript", s -> Formats.ratio(s.inputCostRatioVsTranscript())),
                number("Cost vs recorded", s -> Formats.ratio(s.costRatioVsRecorded())),
                number("p95 call vs transcript", s -> Formats.ratio(s.p95CallInputCostRatioVsTranscript())));
    }

    static Table runs(ReplayReport report) {
        return Table.of(report.runs(),
                text("Trace", Run::trace),
                text("Strategy", Run::strategy),
                text("Estimated", r -> r.estimated() ? "yes" : "no"),
                number("Turns", r -> Formats.count(r.turns())),
                number("Input tokens", r -> Formats.count(r.inputTokens())),
                number("Cache writes", r -> Formats.count(r.cacheWriteTokens())),
                number("Cache reads", r -> Formats.count(r.cacheReadTokens())),
                number("Output tokens", r -> Formats.count(r.outputTokens())),
                number("Input cost", r -> Formats.usd(r.inputCostUsd())),
                number("Total cost", r -> Formats.usd(r.costUsd())),
                number("Cost vs recorded", r -> Formats.ratio(r.costRatioVsRecorded())),
                number("Cache hit rate", r -> Formats.percent(r.cacheHitRate())),
                number("Peak window", r -> Formats.count(r.peakWindowTokens())),
                number("p50 call", r -> Formats.usd(r.p50CallInputCostUsd())),
                number("p95 call", r -> Formats.usd(r.p95CallInputCostUsd())),
                number("Max call", r -> Formats.usd(r.maxCallInputCostUsd())),
                number("Cold calls", r -> Formats.count(r.coldCalls())),
                number("Restart cost", r -> Formats.usd(r.restartCostUsd())),
                // A bill checks no references: it is what was paid, not a window.
                number("Reference recall", r -> recorded(r) ? "n/a" : Formats.percent(r.referenceRecall())));
    }

    /** Each trace with a recorded bill, then all of them as one ({@value Fidelity#OVERALL}); empty without bills. */
    static List<Fidelity> fidelityRows(ReplayReport report, List<ReplayRun> runs) {
        List<Fidelity> rows = new ArrayList<>(report.fidelity());
        Fidelity.overall(runs).ifPresent(rows::add);
        return rows;
    }

    static Table fidelity(ReplayReport report, List<ReplayRun> runs) {
        return Table.of(fidelityRows(report, runs),
                text("Trace", Fidelity::trace),
                number("Cost error", f -> Formats.signedPercent(f.costError())),
                number("Input error", f -> Formats.signedPercent(f.inputError())),
                number("Per-call input error (median)", f -> Formats.percent(f.perCallInputMedianError())),
                number("Cache-read share error", f -> Formats.points(f.cacheReadShareError())));
    }

    /** The calls each strategy paid most input for, with their trace and number. */
    static Table spikes(List<ReplayRun> runs) {
        return Table.of(Spikes.worst(runs),
                text("Strategy", spike -> spike.run().strategy()),
                text("Trace", spike -> spike.run().trace()),
                number("Call", spike -> Formats.count(spike.call().turn())),
                number("Input cost", spike -> Formats.usd(spike.call().inputCostUsd())),
                number("Input tokens", spike -> Formats.count(spike.call().usage().input())),
                number("Cache reads", spike -> Formats.count(spike.call().usage().cacheRead())),
                text("Cold", spike -> spike.call().cold() ? "yes" : ""),
                text("Cache miss", spike -> spike.call().cache().miss().map(CacheMiss::detail).orElse("")));
    }

    static final String CACHE_NOTE = "Calls that read less from the cache than it held after the call before, by "
            + "cause: expired (a pause past the TTL), compaction, prefix changed, below minimum, lookback, model "
            + "switch (each model caches apart), provider "
            + "(the recorded bill missed and its log does not say why; every strategy meets such a miss at the same "
            + "call, served what the recorded call read, unless replayed with --perfect-cache).";

    /** Each strategy's cache misses by cause, what they lost, and the keep-alive pings it sent. */
    static Table cache(ReplayReport report) {
        return Table.of(report.cache(),
                text("Strategy", CacheHealth::strategy),
                number("Calls", c -> Formats.count(c.calls())),
                number("Misses", c -> Formats.count(c.misses())),
                text("By cause", c -> c.missesByCause().entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.getValue())
                        .collect(Collectors.joining(", "))),
                number("Lost tokens", c -> Formats.count(c.lostTokens())),
                number("Pings", c -> Formats.count(c.pings())),
                number("Ping cost", c -> Formats.usd(c.pingCostUsd())));
    }
}
