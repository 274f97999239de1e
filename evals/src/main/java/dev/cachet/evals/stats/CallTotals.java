package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls added up one at a time, so that a report over a year of them need not hold them in lists: how many, their
 * usage, the cost of the priced ones, whether all are priced, and the same model by model. Costs are summed as
 * {@code DoubleStream.sum} sums them (compensated), so a total does not depend on how its calls were grouped.
 */
public final class CallTotals {
    private final CallPricer pricer;
    /** By model, in the order each first answered; null in a model's own totals. */
    private final Map<String, CallTotals> models;
    private final DoubleSummaryStatistics costs = new DoubleSummaryStatistics();
    private int calls;
    private Usage usage = Usage.ZERO;
    private boolean priced = true;

    public CallTotals(CallPricer pricer) {
        this(pricer, new LinkedHashMap<>());
    }

    private CallTotals(CallPricer pricer, Map<String, CallTotals> models) {
        this.pricer = pricer;
        this.models = models;
    }

    /** The totals of {@code calls}. */
    public static CallTotals of(List<Call> calls, CallPricer pricer) {
        CallTotals totals = new CallTotals(pricer);
        calls.forEach(totals::add);
        return totals;
    }

    public void add(Call call) {
        calls++;
        call.usage().ifPresent(used -> usage = usage.plus(used));
        pricer.cost(call).ifPresent(costs::accept);
        priced &= pricer.priced(call);
        if (models != null) {
            models.computeIfAbsent(call.model().orElse(CallPricer.UNKNOWN_MODEL), m -> new CallTotals(pricer, null))
                    .add(call);
        }
    }

    public int calls() {
        return calls;
    }

    /** The usage they recorded; those without usage add nothing. */
    public Usage usage() {
        return usage;
    }

    /** The cost of the priced ones; null when none is. */
    public Double cost() {
        return costs.getCount() == 0 ? null : costs.getSum();
    }

    /** Whether every one is priced (see {@link CallPricer#priced}). */
    public boolean priced() {
        return priced;
    }

    /** What each model's calls billed, in the order each first answered. */
    public List<ModelUsage> models() {
        return models.entrySet().stream().map(entry -> new ModelUsage(entry.getKey(), entry.getValue().calls,
                entry.getValue().usage, entry.getValue().cost())).toList();
    }
}
