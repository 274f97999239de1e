package dev.cachet.context.strategy;


/** A strategy the user picked, with its checked parameters; {@link #create} makes the instance for one session. */
public record ConfiguredStrategy(StrategyInfo info, Params params) {
    public ContextStrategy create(StrategyServices services) {
        return info.create(services, params);
    }
}
