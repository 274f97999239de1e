package dev.cachet.providers.anthropic;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheServed;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Duration;
import java.time.InstantSource;

/** {@link RequestLifetime#simulated}: the simulator's choice for each request, told what the agent's calls were billed. */
final class SimulatedLifetime implements RequestLifetime {
    private final CacheSimulator cache;
    private final InstantSource clock;
    private Usage predicted;

    SimulatedLifetime(CacheSimulator cache, InstantSource clock) {
        this.cache = cache;
        this.clock = clock;
    }

    // A keep-alive pings from its own thread, while the session idles: never between a call and its bill.
    @Override
    public synchronized Duration of(Window window) {
        predicted = cache.next(window, 0, clock.instant());
        return cache.lifetime();
    }

    @Override
    public synchronized void billed(Usage usage) {
        if (predicted != null) {
            CacheServed.tell(cache, predicted, usage);
        }
    }
}
