package dev.cachet.evals.replay;

import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Strategies by name, each with its parameters at their defaults, as the replay tests run them. */
final class AtDefaults {
    private AtDefaults() {}

    static ConfiguredStrategy strategy(String name) {
        StrategyInfo info = Strategies.named(name);
        return new ConfiguredStrategy(info, info.configure(Map.of()));
    }

    static List<ConfiguredStrategy> strategies(String... names) {
        return Arrays.stream(names).map(AtDefaults::strategy).toList();
    }
}
