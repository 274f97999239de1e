package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.context.Counted;
import dev.cachet.evals.replay.Fidelity;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Run;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;
import java.util.Locale;

/**
 * A replay as aligned columns for a terminal: one row per strategy, then one per trajectory, then how close the
 * replay comes to the recorded bills. Narrower than the Markdown tables: the runs show only what tells the
 * strategies apart.
 */
public final class ReplayTextReport implements ReplayRenderer {
    private static final String FIDELITY_LEGEND = "cost, input: (replayed - recorded) / recorded; per call: median "
            + "absolute error; cache reads: share difference\n";
    /** Wide enough for a session's UUID file name. */
    private static final int TRACE_WIDTH = 44;

    @Override
    public String render(String modelSpec, String terms, List<ReplayRun> runs, ReplayReport report) {
        List<Fidelity> fidelity = ReplayTables.fidelityRows(report, runs);
        return String.format(Locale.ROOT, "replayed as %s%s%s: %s\n%s\n\n", ReplayTables.BILLED_AS, modelSpec, terms,
                Counted.of(report.runs().size(), "run"), ReplayTables.basis(report))
                + TextTable.render(summary(report)) + "\n" + TextTable.render(runs(report)) + "\n"
                + "cache misses by cause\n" + TextTable.render(ReplayTables.cache(report).lowercased()) + "\n"
                + (fidelity.isEmpty() ? ReplayTables.NO_BILL + "\n"
                        : "fidelity: the original harness replayed as it ran against the recorded bill\n"
                                + TextTable.render(fidelity(fidelity)) + FIDELITY_LEGEND);
    }

    private static Table summary(ReplayReport report) {
        return Table.of(report.summary(),
                text("strategy", Summary::strategy),
                number("traces", s -> String.valueOf(s.traces())),
                number("input cost", s -> Formats.usd(s.inputCostUsd())),
                number("total cost", s -> Formats.usd(s.costUsd())),
                number("cache hit", s -> Formats.percent(s.cacheHitRate())),
                number("recall", s -> recall(s.referenceRecall())),
                number("vs transcript", s -> times(s.inputCostRatioVsTranscript())),
                number("vs recorded", s -> times(s.costRatioVsRecorded())));
    }

    /** A trace without usage has no bill to compare with: its row says why instead of a ratio. */
    private static Table runs(ReplayReport report) {
        return Table.of(report.runs(),
                text("trace", r -> Formats.keepEnd(r.trace(), TRACE_WIDTH)),
                text("strategy", Run::strategy),
                number("turns", r -> String.valueOf(r.turns())),
                number("input cost", r -> Formats.usd(r.inputCostUsd())),
                number("total cost", r -> Formats.usd(r.costUsd())),
                number("vs recorded", r -> r.estimated() ? "estimated" : times(r.costRatioVsRecorded())),
                number("cache hit", r -> Formats.percent(r.cacheHitRate())),
                number("recall", r -> ReplayTables.recorded(r) ? "-" : recall(r.referenceRecall())),
                number("peak window", r -> Formats.count(r.peakWindowTokens())));
    }

    /** Errors of the replay against each bill: signed, so that it shows which way the replay is off. */
    private static Table fidelity(List<Fidelity> rows) {
        return Table.of(rows,
                text("trace", f -> Formats.keepEnd(f.trace(), TRACE_WIDTH)),
                number("cost", f -> Formats.signedPercent(f.costError())),
                number("input", f -> Formats.signedPercent(f.inputError())),
                number("per call", f -> Formats.percent(f.perCallInputMedianError())),
                number("cache reads", f -> Formats.points(f.cacheReadShareError())));
    }

    private static String times(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String recall(double share) {
        return String.format(Locale.ROOT, "%.3f", share);
    }
}
