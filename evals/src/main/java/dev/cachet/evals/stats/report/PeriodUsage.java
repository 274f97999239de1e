package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.ModelUsage;
import dev.cachet.providers.Usage;
import java.util.List;

/**
 * The calls of one period (a day, week, month, or the whole report's total) and what they billed.
 *
 * @param costUsd    the cost of its priced calls; null when none is priced
 * @param priced     false when some call's model is in no price table, so the cost leaves it out
 * @param usageKnown false when some call's log records no usage, so the usage and cost leave it out
 * @param models     each model that answered, by first call
 */
public record PeriodUsage(String period, int calls, Usage usage, Double costUsd, boolean priced, boolean usageKnown,
        List<ModelUsage> models) {
    public PeriodUsage {
        models = List.copyOf(models);
    }

    /** Whether its cost counts every call: none of an unpriced model, none without a bill. */
    public boolean complete() {
        return priced && usageKnown;
    }

    /** Cache reads over all input. */
    public double cacheHitRate() {
        return usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input();
    }
}
