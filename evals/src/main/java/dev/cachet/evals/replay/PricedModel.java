package dev.cachet.evals.replay;

import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The model a replay bills as: its prices and its provider's prompt cache, one fresh simulator per replayed run.
 *
 * @param spec as the user named it, such as {@code anthropic:claude-sonnet-4-6}
 */
public record PricedModel(String spec, ModelPrice price, Supplier<CacheSimulator> caches) {
    public PricedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(caches, "caches");
    }
}
