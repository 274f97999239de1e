package dev.cachet.evals.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.Objects;
import java.util.function.Function;

/**
 * The model a replay bills as: its prices and its provider's prompt cache, a fresh simulator per replayed run
 * counting with that run's counter.
 *
 * @param spec as the user named it, such as {@code anthropic:claude-sonnet-4-6}
 */
public record PricedModel(String spec, ModelPrice price, Function<TokenCounter, CacheSimulator> caches) {
    public PricedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(caches, "caches");
    }
}
