package dev.cachet.context.strategy;

import java.util.List;
import java.util.Map;

/** A strategy as {@code cachet strategies} lists it: name, what it keeps, its parameters, and how to make one. */
public record StrategyInfo(String name, String description, List<StrategyParam> params, Factory factory) {
    public StrategyInfo {
        params = List.copyOf(params);
    }

    /**
     * A new instance for one session.
     *
     * @throws IllegalArgumentException naming the strategy and parameter when a parameter is unknown or negative
     */
    public ContextStrategy create(StrategyServices services, Map<String, Integer> given) {
        return factory.create(services, new Params(name, params, given));
    }

    @FunctionalInterface
    public interface Factory {
        ContextStrategy create(StrategyServices services, Params params);
    }
}
