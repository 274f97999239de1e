package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls added up one at a time, so that a report over a year of them need not hold them in lists: how many, their
 * usage, the cost of the priced ones, whether all are priced and billed, and the same model by model. Costs are summed
 * as {@code DoubleStream.sum} sums them (compensated), so a total does not depend on how its calls were grouped.
 */
public final class CallTotals {
    private final CallPricer pricer;
    /** By model, in the order each first answered; null in a model's own totals. */
    private final Map<String, CallTotals> models;
    /** In a model's own totals, its price, looked up once: a year of calls names a few models. */
    private final Optional<ModelPrice> price;
    private final DoubleSummaryStatistics costs = new DoubleSummaryStatistics();
    private int calls;
    private final UsageSum usage = new UsageSum();
    private boolean priced = true;
    private boolean usageKnown = true;

    public CallTotals(CallPricer pricer) {
        this(pricer, new LinkedHashMap<>(), Optional.empty());
    }

    private CallTotals(CallPricer pricer, Map<String, CallTotals> models, Optional<ModelPrice> price) {
        this.pricer = pricer;
        this.models = models;
        this.price = price;
    }

    /** The totals of {@code calls}. */
    public static CallTotals of(List<Call> calls, CallPricer pricer) {
        CallTotals totals = new CallTotals(pricer);
        calls.forEach(totals::add);
        return totals;
    }

    public void add(Call call) {
        add(call.model().orElse(null), call.usage().orElse(null));
    }

    /** Adds a call {@code model} answered (null when the log names none) that billed {@code usage} (null if unknown). */
    public void add(String model, Usage usage) {
        if (usage == null) {
            add(model, false, 0, 0, 0, 0, 0, 0);
        } else {
            add(model, true, usage.uncachedInput(), usage.cacheWrite(), usage.cacheRead(), usage.output(),
                    usage.reasoning(), usage.cacheWrite1h());
        }
    }

    /**
     * Adds the call of the turn of {@code turns} at {@code turn}, which {@code model} answered, as {@link #add(String,
     * Usage)} its usage: read in place, a usage made of it for every call of a year of logs is garbage.
     */
    public void add(String model, TurnColumns turns, int turn) {
        add(model, turns.billed(turn), turns.uncachedInput(turn), turns.cacheWrite(turn), turns.cacheRead(turn),
                turns.output(turn), turns.reasoning(turn), turns.cacheWrite1h(turn));
    }

    /** Adds a call that billed the counts given, in {@link Usage}'s order, or whose usage is unknown. */
    private void add(String model, boolean billed, long uncachedInput, long cacheWrite, long cacheRead, long output,
            long reasoning, long cacheWrite1h) {
        // Counted in the totals of its model, which hold the model's price, then in these at that price.
        String name = CallPricer.named(model);
        CallTotals ofModel = models.get(name);
        if (ofModel == null) {
            ofModel = new CallTotals(pricer, null, pricer.price(name));
            models.put(name, ofModel);
        }
        boolean hasPrice = ofModel.price.isPresent();
        // Priced once for both.
        double cost = billed && hasPrice
                ? ofModel.price.get().cost(uncachedInput, cacheWrite, cacheRead, output, cacheWrite1h) : 0;
        ofModel.count(billed, hasPrice, cost, uncachedInput, cacheWrite, cacheRead, output, reasoning, cacheWrite1h);
        count(billed, hasPrice, cost, uncachedInput, cacheWrite, cacheRead, output, reasoning, cacheWrite1h);
    }

    private void count(boolean billed, boolean hasPrice, double cost, long uncachedInput, long cacheWrite,
            long cacheRead, long output, long reasoning, long cacheWrite1h) {
        calls++;
        usageKnown &= billed;
        if (billed) {
            usage.add(uncachedInput, cacheWrite, cacheRead, output, reasoning, cacheWrite1h);
            if (hasPrice) {
                costs.accept(cost);
            } else {
                priced = false;
            }
        }
    }

    public int calls() {
        return calls;
    }

    /** The usage they recorded; those without usage add nothing. */
    public Usage usage() {
        return usage.total();
    }

    /** The cost of the priced ones; null when none is. */
    public Double cost() {
        return costs.getCount() == 0 ? null : costs.getSum();
    }

    /** Whether every one is priced: its cost known, or no usage billed (only a call with usage can lack a price). */
    public boolean priced() {
        return priced;
    }

    /** Whether every one billed its usage: else the usage and cost leave out those that did not. */
    public boolean usageKnown() {
        return usageKnown;
    }

    /** What each model's calls billed, in the order each first answered. */
    public List<ModelUsage> models() {
        return models.entrySet().stream().map(entry -> new ModelUsage(entry.getKey(), entry.getValue().calls,
                entry.getValue().usage(), entry.getValue().cost(), entry.getValue().usageKnown)).toList();
    }
}
