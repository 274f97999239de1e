package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;
import static dev.cachet.evals.report.UsageTables.dollars;

import dev.cachet.evals.report.Table.Column;
import dev.cachet.evals.stats.SessionStats;
import dev.cachet.evals.stats.report.WhatIf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table of a stats report: one row per session, narrow enough for a terminal but for the flags at its end. */
public final class StatsTables {
    private static final int SESSION_WIDTH = 40;
    private static final int MODEL_WIDTH = 18;

    private StatsTables() {}

    public static Table sessions(List<SessionStats> sessions) {
        return sessions(sessions, Map.of());
    }

    /**
     * With a strategy's counterfactual cost and its saving against the recorded bill before the flags, when
     * {@code whatIf} holds any; "-" for a session without a recorded bill.
     */
    public static Table sessions(List<SessionStats> sessions, Map<String, WhatIf> whatIf) {
        List<Column<SessionStats>> columns = new ArrayList<>(List.of(
                text("session", s -> Formats.keepEnd(s.session(), SESSION_WIDTH)),
                text("model", s -> Formats.modelName(s.model(), MODEL_WIDTH)),
                number("turns", s -> String.valueOf(s.turns())),
                number("calls", s -> String.valueOf(s.calls()))));
        // Only cachet's logs record keep-alive pings: a column for them where any session sent some.
        if (sessions.stream().anyMatch(s -> s.pings() > 0)) {
            columns.add(number("pings", s -> s.pings() == 0 ? "-" : s.pings() + ", " + dollars(s.pingCostUsd())));
        }
        columns.addAll(List.of(
                number("input", s -> Formats.count(s.usage().input())),
                number("cache read", s -> Formats.count(s.usage().cacheRead())),
                number("output", s -> Formats.count(s.usage().output())),
                number("cost", s -> UsageTables.cost(s.costUsd(), s.complete())),
                number("$/hour", s -> dollars(s.burnUsdPerHour())),
                number("cache hit", s -> Formats.percent(s.cacheHitRate())),
                number("growth", s -> String.format(Locale.ROOT, "%.1fx", s.contextGrowth())),
                number("tools", s -> s.toolSchemaShare() == null ? "-" : String.format(Locale.ROOT, "%.0f%%",
                        100 * s.toolSchemaShare()))));
        whatIf.values().stream().findFirst().ifPresent(any -> {
            columns.add(number(any.strategy(), s -> Optional.ofNullable(whatIf.get(s.session()))
                    .map(w -> dollars(w.costUsd())).orElse("-")));
            columns.add(number("saving", s -> Optional.ofNullable(whatIf.get(s.session()))
                    .map(w -> dollars(w.savingUsd()) + " (" + Formats.percent(w.savingShare()) + ")").orElse("-")));
        });
        // Each flag with how often it happened and what it cost, so the costliest leak is the one to fix first.
        columns.add(text("flags", s -> s.leakCosts().stream().map(leak -> String.format(Locale.ROOT, "%s: %dx, %s",
                leak.leak().description(), leak.count(), dollars(leak.costUsd()))).collect(Collectors.joining("; "))));
        return Table.of(sessions, columns);
    }
}
