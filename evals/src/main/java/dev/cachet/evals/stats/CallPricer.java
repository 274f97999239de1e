package dev.cachet.evals.stats;

import dev.cachet.providers.pricing.ModelPrice;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices each call at its own model's prices, its 1-hour cache writes at the 1-hour rate. A call without usage costs
 * nothing known; one whose model no table prices is unpriced, its tokens still counted.
 */
public final class CallPricer {
    /** The name reports give a call whose log names no model. */
    public static final String UNKNOWN_MODEL = "unknown";

    private final Function<String, Optional<ModelPrice>> prices;
    /** Prices by model name: a table lookup tries many spellings of a name, and a year of logs names few models. */
    private final java.util.Map<String, Optional<ModelPrice>> byModel = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param prices the price of a model by the name the log gives it; the same name always gets the same price */
    public CallPricer(Function<String, Optional<ModelPrice>> prices) {
        this.prices = prices;
    }

    /** The call's cost; empty when its usage is unknown or its model unpriced. */
    public Optional<Double> cost(Call call) {
        return call.usage().flatMap(usage -> price(call).map(price -> price.cost(usage)));
    }

    /** Whether the call's cost is known or it billed nothing known: only a call with usage can lack a price. */
    public boolean priced(Call call) {
        return call.usage().isEmpty() || price(call).isPresent();
    }

    private Optional<ModelPrice> price(Call call) {
        return byModel.computeIfAbsent(call.model().orElse(UNKNOWN_MODEL), prices);
    }
}
