package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.evals.stats.ModelUsage;
import dev.cachet.evals.stats.report.Block;
import dev.cachet.evals.stats.report.BurnRate;
import dev.cachet.evals.stats.report.PeriodReport;
import dev.cachet.evals.stats.report.PeriodUsage;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of the period and block reports, each within an 80-column terminal: token counts shortened
 * ({@code 14.8M}), model names cut to keep their family and version.
 */
public final class UsageTables {
    private static final int MODEL_WIDTH = 18;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private UsageTables() {}

    /** One row per period, then with {@code breakdown} one per model under it, and the total last. */
    public static Table periods(PeriodReport report, boolean breakdown) {
        List<Row> rows = new ArrayList<>();
        for (PeriodUsage period : report.periods()) {
            rows.add(Row.of(period.period(), period));
            if (breakdown) {
                period.models().forEach(model -> rows.add(Row.of(model)));
            }
        }
        PeriodUsage total = report.total();
        rows.add(Row.of("total", total));
        return Table.of(rows,
                text("period", Row::label),
                number("calls", row -> String.valueOf(row.calls())),
                number("uncached", row -> Formats.tokens(row.usage().uncachedInput())),
                number("write", row -> Formats.tokens(row.usage().cacheWrite())),
                number("read", row -> Formats.tokens(row.usage().cacheRead())),
                number("output", row -> Formats.tokens(row.usage().output())),
                number("cost", row -> cost(row.costUsd(), row.complete())),
                number("hit", row -> row.usage().input() == 0 ? "-"
                        : Formats.percent((double) row.usage().cacheRead() / row.usage().input())));
    }

    /** One row per block, its start in {@code zone}; the active block's burn rate and projection in the last columns. */
    public static Table blocks(List<Block> blocks, Instant now, ZoneId zone) {
        return Table.of(blocks,
                text("block start", block -> MINUTE.format(block.start().atZone(zone))),
                number("calls", block -> String.valueOf(block.calls())),
                number("tokens", block -> Formats.tokens(block.usage().total())),
                number("cost", block -> cost(block.costUsd(), block.models().stream()
                        .allMatch(ModelUsage::complete))),
                number("left", block -> block.active() ? left(Duration.between(now, block.end())) : "-"),
                number("tok/min", block -> block.burn().map(b -> Formats.tokens(Math.round(b.tokensPerMinute())))
                        .orElse("-")),
                number("$/hour", block -> block.burn().map(BurnRate::usdPerHour).map(UsageTables::dollars).orElse("-")),
                number("projected", block -> block.burn().map(BurnRate::projectedUsd).map(UsageTables::dollars)
                        .orElse("-")));
    }

    /** Hours and minutes, {@code 2h 05m}. */
    private static String left(Duration left) {
        long minutes = Math.max(0, left.toMinutes());
        return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }

    /** A cost, marked {@code +} where it leaves out calls: of an unpriced model, or without a bill. */
    static String cost(Double amount, boolean complete) {
        return dollars(amount) + (complete || amount == null ? "" : "+");
    }

    /** Whole cents, without grouping, so that a cost stays within its column. */
    static String dollars(Double amount) {
        return amount == null ? "-" : String.format(Locale.ROOT, "$%.2f", amount);
    }

    /**
     * A line of a period table: a period, a model under it, or the total.
     *
     * @param complete whether the cost counts every call: none of an unpriced model, none without a bill
     */
    private record Row(String label, int calls, Usage usage, Double costUsd, boolean complete) {
        static Row of(String label, PeriodUsage period) {
            return new Row(label, period.calls(), period.usage(), period.costUsd(), period.complete());
        }

        static Row of(ModelUsage model) {
            return new Row("  " + Formats.modelName(model.model(), MODEL_WIDTH), model.calls(), model.usage(),
                    model.costUsd(), model.complete());
        }
    }
}
