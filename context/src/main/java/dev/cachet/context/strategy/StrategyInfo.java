package dev.cachet.context.strategy;

import java.util.List;
import java.util.Map;

/** A strategy as {@code cachet strategies} lists it: name, what it keeps, its parameters, and how to make one. */
public record StrategyInfo(String name, String description, List<StrategyParam> params, Factory factory) {
    public StrategyInfo {
        params = List.copyOf(params);
    }

    /**
     * The user's parameter values over the defaults.
     *
     * @throws IllegalArgumentException naming the strategy and parameter when a parameter is unknown or negative
     */
    public Params configure(Map<String, Integer> given) {
        return new Params(name, params, given);
    }

    /** A new instance for one session. */
    public ContextStrategy create(StrategyServices services, Params values) {
        return factory.create(services, values);
    }

    @FunctionalInterface
    public interface Factory {
        ContextStrategy create(StrategyServices services, Params params);
    }
}
