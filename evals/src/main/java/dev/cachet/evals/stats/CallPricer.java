package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Optional<ModelPrice>> priceByModel = new ConcurrentHashMap<>();

    /** @param prices the price of a model by the name the log gives it; the same name always gets the same price */
    public CallPricer(Function<String, Optional<ModelPrice>> prices) {
        this.prices = prices;
    }

    /** The call's cost; empty when its usage is unknown or its model unpriced. */
    public Optional<Double> cost(Call call) {
        return call.usage().flatMap(usage -> price(call).map(price -> price.cost(usage)));
    }

    /** The cost of the priced calls among {@code calls}; null when none is. */
    public Double cost(List<Call> calls) {
        return CallTotals.of(calls, this).cost();
    }

    /** The usage {@code calls} recorded, added up; those without usage add nothing. */
    public static Usage usage(List<Call> calls) {
        UsageSum sum = new UsageSum();
        calls.forEach(call -> call.usage().ifPresent(sum::add));
        return sum.total();
    }

    /** The prices of the call's model, when a table knows it. */
    public Optional<ModelPrice> price(Call call) {
        return price(call.model().orElse(UNKNOWN_MODEL));
    }

    /** The prices of a model by the name calls give it ({@link #UNKNOWN_MODEL} for none), when a table knows it. */
    Optional<ModelPrice> price(String model) {
        return priceByModel.computeIfAbsent(model, prices);
    }

    /** The name reports give the model a call's log names, or names none (null). */
    static String named(String modelOrNull) {
        return modelOrNull == null ? UNKNOWN_MODEL : modelOrNull;
    }
}
