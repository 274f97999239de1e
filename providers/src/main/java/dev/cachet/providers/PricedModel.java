package dev.cachet.providers;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a model's requests are billed: its listed prices and its provider's prompt cache, a fresh simulator per session
 * counting with that session's counter.
 */
public record PricedModel(ModelSpec spec, ModelPrice listed, Function<TokenCounter, CacheSimulator> caches) {
    public PricedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(caches, "caches");
    }

    /**
     * The prices its requests pay: with the spec's hour-long cache, every write at the hour's rate. A bill whose each
     * usage says which of its writes were for an hour, as one recorded, is priced {@link #listed} instead.
     */
    public ModelPrice price() {
        return spec.cachesForAnHour() ? listed.withOneHourWrites() : listed;
    }

    /**
     * What strategies weigh compactions with: cache prices over the input price, and how long the cache keeps (under
     * auto, the 5 minutes it writes at until the session has paused: a longer pause may have found it cold).
     */
    public CacheRates cacheRates() {
        return cacheRates(spec.cacheTtl().shortest());
    }

    /** Those of a request whose prefix the cache keeps for {@code lifetime}. */
    public CacheRates cacheRates(Duration lifetime) {
        return listed.cacheRates(lifetime);
    }
}
