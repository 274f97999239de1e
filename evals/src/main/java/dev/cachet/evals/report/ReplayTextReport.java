package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Run;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;
import java.util.Locale;

/**
 * A replay as aligned columns for a terminal: one row per strategy, then one per trajectory. Narrower than the
 * Markdown tables: the runs show only what tells the strategies apart.
 */
public final class ReplayTextReport implements ReplayRenderer {
    /** Wide enough for a session's UUID file name. */
    private static final int TRACE_WIDTH = 44;

    @Override
    public String render(String modelSpec, List<ReplayRun> runs, ReplayReport report) {
        return String.format(Locale.ROOT, "replayed as %s: %d runs\n\n", modelSpec, report.runs().size())
                + TextTable.render(summary(report)) + "\n" + TextTable.render(runs(report));
    }

    private static Table summary(ReplayReport report) {
        return Table.of(report.summary(),
                text("strategy", Summary::strategy),
                number("traces", s -> String.valueOf(s.traces())),
                number("input cost", s -> Formats.usd(s.inputCostUsd())),
                number("total cost", s -> Formats.usd(s.costUsd())),
                number("cache hit", s -> Formats.percent(s.cacheHitRate())),
                number("recall", s -> recall(s.referenceRecall())),
                number("vs transcript", s -> s.inputCostRatioVsTranscript() == null ? "-"
                        : String.format(Locale.ROOT, "%.2fx", s.inputCostRatioVsTranscript())));
    }

    private static Table runs(ReplayReport report) {
        return Table.of(report.runs(),
                text("trace", r -> Formats.keepEnd(r.trace(), TRACE_WIDTH)),
                text("strategy", Run::strategy),
                number("turns", r -> String.valueOf(r.turns())),
                number("input cost", r -> Formats.usd(r.inputCostUsd())),
                number("cache hit", r -> Formats.percent(r.cacheHitRate())),
                number("recall", r -> recall(r.referenceRecall())),
                number("peak window", r -> Formats.count(r.peakWindowTokens())));
    }

    private static String recall(double share) {
        return String.format(Locale.ROOT, "%.3f", share);
    }
}
