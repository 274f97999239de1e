package dev.cachet.providers.cache;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.Usage;
import java.util.OptionalDouble;

/**
 * How much of the cache read a simulator predicted a provider's bill served: what a strategy learns its cache by, and a
 * simulator whose requests choose their lifetimes.
 */
public final class CacheServed {
    private CacheServed() {}

    /**
     * The share of {@code predicted}'s cache read that {@code billed} served; empty where nothing was predicted to be
     * read or a count is negative. Shares of each prompt are compared, so a prediction counted with another tokenizer than the bill's still
     * compares.
     */
    public static OptionalDouble share(Usage predicted, Usage billed) {
        // A provider's usage is not checked for negative counts: such a bill teaches nothing, and must not fail a call.
        if (predicted.cacheRead() <= 0 || billed.input() <= 0 || billed.cacheRead() < 0 || predicted.input() <= 0) {
            return OptionalDouble.empty();
        }
        double share = (double) billed.cacheRead() / billed.input() * predicted.input() / predicted.cacheRead();
        return share >= 0 && Double.isFinite(share) ? OptionalDouble.of(share) : OptionalDouble.empty();
    }

    /** Tells {@code strategy} what share of the predicted read the bill served, where some read was predicted. */
    public static void tell(ContextStrategy strategy, Usage predicted, Usage billed) {
        share(predicted, billed).ifPresent(share -> strategy.cacheServed(predicted.cacheRead(), share));
    }

    /** Tells the simulator that predicted it what share of its predicted read the bill served. */
    public static void tell(CacheSimulator cache, Usage predicted, Usage billed) {
        share(predicted, billed).ifPresent(share -> cache.served(predicted.cacheRead(), share));
    }
}
