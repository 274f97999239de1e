package dev.cachet.harness.loop;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.cache.CacheServed;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.util.function.Supplier;

/**
 * Passes each event on, and tells the session's current strategy what share of the read its cache simulator
 * predicted each bill served: the strategy learns how reliable the provider's cache is.
 */
public final class ServedToStrategy implements SessionListener {
    private final SessionListener next;
    private final Supplier<ContextStrategy> strategy;

    /** @param strategy the strategy now, or null before there is one (a chat can switch strategies) */
    public ServedToStrategy(SessionListener next, Supplier<ContextStrategy> strategy) {
        this.next = next;
        this.strategy = strategy;
    }

    @Override
    public void on(SessionEvent event) {
        next.on(event);
        ContextStrategy current = strategy.get();
        if (event instanceof SessionEvent.CachePredicted prediction && current != null) {
            CacheServed.tell(current, prediction.predicted(), prediction.billed());
        }
    }
}
