package dev.cachet.harness;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.Params;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyServices;

/** A strategy the user picked, with its checked parameters; {@link #create} makes the instance for one session. */
public record ConfiguredStrategy(StrategyInfo info, Params params) {
    public ContextStrategy create(StrategyServices services) {
        return info.create(services, params);
    }
}
