package dev.cachet.providers.cache;

import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;

/** Chooses how long what one request writes to the cache lives. Stateful: one per session. */
@FunctionalInterface
interface LifetimeRule {
    /**
     * @param cached the tokens of the request's prompt the cache already holds
     * @param added  the tokens it writes to the cache
     * @param at     when it is sent; each request of the session is chosen for in turn
     */
    Duration choose(long cached, long added, Instant at);

    /** Of a request's {@code predictedRead} cached tokens, the provider served {@code share} (1: all). */
    default void served(long predictedRead, double share) {}

    /** A fixed lifetime's rule, or auto's, weighing the model's {@code price}. */
    static LifetimeRule of(CacheLifetime lifetime, ModelPrice price) {
        return lifetime.fixed().<LifetimeRule>map(LifetimeRule::fixed).orElseGet(() -> new AutoLifetime(price));
    }

    static LifetimeRule fixed(Duration lifetime) {
        return (cached, added, at) -> lifetime;
    }
}
