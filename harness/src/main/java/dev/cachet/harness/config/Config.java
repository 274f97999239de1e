package dev.cachet.harness.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from config files: the default strategy and parameters per strategy. Flags override them.
 *
 * @param strategy the strategy to use when no --strategy flag is given
 * @param strategies parameters per strategy name, e.g. {@code hybrid: {keep: 12}}
 */
public record Config(Optional<String> strategy, Map<String, Map<String, Integer>> strategies) {
    public static final Config EMPTY = new Config(Optional.empty(), Map.of());

    public Config {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        strategies.forEach((name, params) -> copy.put(name, Map.copyOf(params)));
        strategies = Map.copyOf(copy);
    }

    public Map<String, Integer> paramsFor(String strategyName) {
        return strategies.getOrDefault(strategyName, Map.of());
    }

    /** This config with {@code other}'s settings on top. */
    public Config overriddenBy(Config other) {
        Map<String, Map<String, Integer>> merged = new HashMap<>(strategies);
        other.strategies.forEach((name, params) -> merged.merge(name, params, (mine, theirs) -> {
            Map<String, Integer> both = new HashMap<>(mine);
            both.putAll(theirs);
            return both;
        }));
        return new Config(other.strategy.or(() -> strategy), merged);
    }
}
