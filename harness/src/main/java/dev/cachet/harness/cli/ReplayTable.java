package dev.cachet.harness.cli;

import dev.cachet.evals.replay.ReplayReport;
import java.util.Locale;

/** The replay report as aligned columns for a terminal: one row per strategy, then one per trajectory. */
final class ReplayTable {
    private ReplayTable() {}

    static String render(String model, ReplayReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "replayed as %s: %d runs%n%n", model, report.runs().size()));
        text.append(String.format(Locale.ROOT, "%-11s %6s %12s %12s %9s %8s %14s%n",
                "strategy", "traces", "input cost", "total cost", "cache hit", "recall", "vs transcript"));
        for (ReplayReport.Summary s : report.summary()) {
            text.append(String.format(Locale.ROOT, "%-11s %6d %12s %12s %8.1f%% %8.3f %14s%n", s.strategy(), s.traces(),
                    usd(s.inputCostUsd()), usd(s.costUsd()), 100 * s.cacheHitRate(), s.referenceRecall(),
                    s.inputCostRatioVsTranscript() == null ? "-"
                            : String.format(Locale.ROOT, "%.2fx", s.inputCostRatioVsTranscript())));
        }
        text.append(String.format(Locale.ROOT, "%n%-44s %-11s %5s %12s %9s %8s %11s%n",
                "trace", "strategy", "turns", "input cost", "cache hit", "recall", "peak window"));
        for (ReplayReport.Run r : report.runs()) {
            text.append(String.format(Locale.ROOT, "%-44s %-11s %5d %12s %8.1f%% %8.3f %,11d%n", clip(r.trace()),
                    r.strategy(), r.turns(), usd(r.inputCostUsd()), 100 * r.cacheHitRate(), r.referenceRecall(),
                    r.peakWindowTokens()));
        }
        return text.toString();
    }

    private static String usd(double amount) {
        return String.format(Locale.ROOT, "$%.4f", amount);
    }

    /** Long file names keep their end, which tells sessions apart. */
    private static String clip(String trace) {
        return trace.length() <= 44 ? trace : "..." + trace.substring(trace.length() - 41);
    }
}
