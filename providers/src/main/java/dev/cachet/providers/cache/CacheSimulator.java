package dev.cachet.providers.cache;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Predicts, offline, how a provider's prompt cache would bill a sequence of requests. Stateful: one per session. */
public interface CacheSimulator {
    /** A request sent at {@code at}; simulators with a time-to-live expire what was not used recently enough. */
    Usage next(Window window, long outputTokens, Instant at);

    /** Whether this provider caches prompts at all: without a cache, no call can miss it. */
    default boolean caches() {
        return true;
    }

    /** How long a cached prefix lives unused: a request after a longer pause finds the cache cold. */
    Duration ttl();

    /**
     * How long what the last request left cached lives unused: the TTL, or where each request chooses its own, the
     * last one's.
     */
    default Duration lifetime() {
        return ttl();
    }

    /**
     * How long what the last request left cached lives unused, as a strategy weighs it: its {@link #lifetime}, and
     * none without a prompt cache, which keeps nothing (its TTL never ends only so that no call counts as cold).
     */
    default Optional<Duration> keptFor() {
        return caches() ? Optional.of(lifetime()) : Optional.empty();
    }

    /** The shortest lifetime a request may leave its prefix cached for: what a keep-alive must keep warm. */
    default Duration shortestLifetime() {
        return ttl();
    }

    /**
     * Of what this simulator predicted a call would read, {@code predictedRead} tokens, its provider's bill served
     * {@code share} (1: all): a cache whose requests choose their lifetimes weighs the misses to come.
     */
    default void served(long predictedRead, double share) {}

    /**
     * The bill of a call whose provider served at most {@code served} tokens from its cache where this simulator
     * predicted {@code predicted}'s read, as a recorded session's provider did at that call (its cache lost, or the
     * request routed to another of its machines). An automatic cache bills the tokens it did not read as uncached.
     * Asked right after {@link #next} made {@code predicted}: a cache whose requests choose their lifetimes rewrites
     * at the lifetime that call marked its breakpoints with.
     */
    default Usage servedAtMost(Usage predicted, long served) {
        long lost = Math.max(0, predicted.cacheRead() - served);
        return new Usage(predicted.uncachedInput() + lost, predicted.cacheWrite(), predicted.cacheRead() - lost,
                predicted.output(), predicted.reasoning(), predicted.cacheWrite1h());
    }

    /** A request sent right after the previous one, as in a replay without timestamps. */
    default Usage next(Window window, long outputTokens) {
        return next(window, outputTokens, Instant.EPOCH);
    }
}
