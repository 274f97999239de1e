package dev.cachet.providers.cache;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.Usage;
import java.util.OptionalDouble;

/** How much of the cache read a simulator predicted a provider's bill served: what a strategy learns its cache by. */
public final class CacheServed {
    private CacheServed() {}

    /**
     * The share of {@code predicted}'s cache read that {@code billed} served; empty where nothing was predicted to be
     * read. Shares of each prompt are compared, so a prediction counted with another tokenizer than the bill's still
     * compares.
     */
    public static OptionalDouble share(Usage predicted, Usage billed) {
        if (predicted.cacheRead() == 0 || billed.input() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) billed.cacheRead() / billed.input() * predicted.input() / predicted.cacheRead());
    }

    /** Tells {@code strategy} what share of the predicted read the bill served, where some read was predicted. */
    public static void tell(ContextStrategy strategy, Usage predicted, Usage billed) {
        share(predicted, billed).ifPresent(share -> strategy.cacheServed(predicted.cacheRead(), share));
    }
}
