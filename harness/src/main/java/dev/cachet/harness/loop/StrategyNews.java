package dev.cachet.harness.loop;

import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.cache.CacheServed;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a session's events tell its strategy, live and as a resume reads its log again, in the same order: a
 * keep-alive ping read the cached prefix (the TTL runs from then), how long each request's prefix lives cached and at
 * what prices, and of each of the agent's calls, what share of the read its cache simulator predicted the provider
 * served. A ping's or a summary's bill teaches nothing of that:
 * neither sent a window the strategy rendered. Pings run while the session idles, never during a call, so the
 * prediction a call's answer follows is its own.
 */
public final class StrategyNews implements SessionListener {
    private final Supplier<ContextStrategy> strategy;
    private final Clock clock;
    private final Function<Duration, CacheRates> rates;
    private volatile SessionEvent.CachePredicted pending;

    /**
     * @param strategy the strategy now, or null before there is one (a chat can switch strategies)
     * @param rates    the cache prices of a prefix that lives a given lifetime
     */
    public StrategyNews(Supplier<ContextStrategy> strategy, Clock clock, Function<Duration, CacheRates> rates) {
        this.strategy = strategy;
        this.clock = clock;
        this.rates = rates;
    }

    @Override
    public void on(SessionEvent event) {
        heard(event, Optional.of(clock.instant()));
    }

    /** The event, which happened at {@code at} where that is known (a ping whose time is not is left out). */
    public void heard(SessionEvent event, Optional<Instant> at) {
        if (event instanceof SessionEvent.CachePredicted prediction) {
            pending = prediction;
            return;
        }
        SessionEvent.CachePredicted prediction = pending;
        pending = null;
        ContextStrategy current = strategy.get();
        if (current == null) {
            return;
        }
        if (event instanceof SessionEvent.ModelResponded && prediction != null) {
            CacheServed.tell(current, prediction.predicted(), prediction.billed());
            lifetime(current, prediction);
        } else if (event instanceof SessionEvent.Pinged) {
            at.ifPresent(current::cacheUsed);
            lifetime(current, prediction);
        }
    }

    /** How long the prefix of a call or ping lives cached; a summary's request leaves none the agent's windows read. */
    private void lifetime(ContextStrategy current, SessionEvent.CachePredicted prediction) {
        if (prediction != null && prediction.lifetime() != null) {
            current.cacheLifetime(rates.apply(prediction.lifetime()));
        }
    }
}
