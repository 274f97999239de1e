package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Run;
import dev.cachet.evals.replay.ReplayReport.Summary;

/** The two tables of a replay report, the same in every format. */
final class ReplayTables {
    private ReplayTables() {}

    static Table summary(ReplayReport report) {
        return Table.of(report.summary(),
                text("Strategy", Summary::strategy),
                number("Traces", s -> Formats.count(s.traces())),
                number("Input cost", s -> Formats.usd(s.inputCostUsd())),
                number("Total cost", s -> Formats.usd(s.costUsd())),
                number("Cache hit rate", s -> Formats.percent(s.cacheHitRate())),
                number("Reference recall", s -> Formats.percent(s.referenceRecall())),
                number("Input cost vs transcript", s -> Formats.ratio(s.inputCostRatioVsTranscript())));
    }

    static Table runs(ReplayReport report) {
        return Table.of(report.runs(),
                text("Trace", Run::trace),
                text("Strategy", Run::strategy),
                number("Turns", r -> Formats.count(r.turns())),
                number("Input tokens", r -> Formats.count(r.inputTokens())),
                number("Cache writes", r -> Formats.count(r.cacheWriteTokens())),
                number("Cache reads", r -> Formats.count(r.cacheReadTokens())),
                number("Output tokens", r -> Formats.count(r.outputTokens())),
                number("Input cost", r -> Formats.usd(r.inputCostUsd())),
                number("Total cost", r -> Formats.usd(r.costUsd())),
                number("Cache hit rate", r -> Formats.percent(r.cacheHitRate())),
                number("Reference recall", r -> Formats.percent(r.referenceRecall())),
                number("Peak window", r -> Formats.count(r.peakWindowTokens())));
    }
}
