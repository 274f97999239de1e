package dev.cachet.providers.cache;

import dev.cachet.providers.CacheLifetime;
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

    static LifetimeRule of(CacheLifetime lifetime) {
        return lifetime.fixed().<LifetimeRule>map(fixed -> (cached, added, at) -> fixed).orElseGet(AutoLifetime::new);
    }
}
