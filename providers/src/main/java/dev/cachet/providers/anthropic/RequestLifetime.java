package dev.cachet.providers.anthropic;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Duration;
import java.time.InstantSource;

/** How long one live request asks Anthropic to keep what it writes to the cache. Asked once per request, in order. */
@FunctionalInterface
public interface RequestLifetime {
    Duration of(Window window);

    /** What the agent's request last asked about was billed: a rule that weighs the provider's misses learns them. */
    default void billed(Usage usage) {}

    static RequestLifetime fixed(Duration lifetime) {
        return window -> lifetime;
    }

    /**
     * Each request's lifetime as a simulator of the session's cache chooses it, fed every window at the time it is
     * sent: the gaps its rule learns from are the session's real ones (pings included, as they refresh the cache),
     * and the misses the agent's calls' bills show.
     */
    static RequestLifetime simulated(CacheSimulator cache, InstantSource clock) {
        return new SimulatedLifetime(cache, clock);
    }
}
