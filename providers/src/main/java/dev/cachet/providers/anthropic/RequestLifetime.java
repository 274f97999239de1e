package dev.cachet.providers.anthropic;

import dev.cachet.context.window.Window;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.InstantSource;
import java.time.Duration;

/** How long one live request asks Anthropic to keep what it writes to the cache. Asked once per request, in order. */
@FunctionalInterface
public interface RequestLifetime {
    Duration of(Window window);

    static RequestLifetime fixed(Duration lifetime) {
        return window -> lifetime;
    }

    /**
     * Each request's lifetime as a simulator of the session's cache chooses it, fed every window at the time it is
     * sent: the gaps its rule learns from are the session's real ones (pings included, as they refresh the cache).
     */
    static RequestLifetime simulated(CacheSimulator cache, InstantSource clock) {
        return window -> {
            // A keep-alive pings from its own thread.
            synchronized (cache) {
                cache.next(window, 0, clock.instant());
                return cache.lifetime();
            }
        };
    }
}
