package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.window.Window;
import java.time.Instant;

/**
 * Decides what the model sees each turn: renders a window from the session. One instance per session, called once
 * per turn; what it remembers between turns (earlier compactions) follows from the turns it has seen, so the same
 * session always renders the same windows.
 */
@FunctionalInterface
public interface ContextStrategy {
    Window render(Session session);

    /**
     * A request other than a rendered window read the cached prefix at {@code at}, such as a keep-alive ping while
     * the session idled: the cache's time-to-live runs from then. A strategy that weighs expiries keeps it.
     */
    default void cacheUsed(Instant at) {}

    /**
     * What the last request left cached lives {@code rates.ttl()} unread, and writes and reads cost {@code rates}: the
     * lifetime it was written for, which each request chooses under {@code --cache-ttl auto}, or which its provider
     * keeps by itself (DeepSeek's hours). A strategy that weighs expiries or cache prices keeps it.
     */
    default void cacheLifetime(CacheRates rates) {}

    /**
     * The next request goes to a prompt cache that holds nothing this session sent it, such as the cache of the model
     * a session switched to: its prompt is written whole anyway, as after an expiry. A strategy that weighs expiries
     * keeps it for that request. Called on the thread that renders, before the render; today only a replay knows of
     * such switches (a live session keeps one model).
     */
    default void cacheEmptied() {}

    /**
     * The next request goes back to a prompt cache other than the last request's, which still holds {@code warm}: the
     * last window this session sent it (a session back on a model it left within that model's TTL). What the request
     * reads from the cache is what it shares with {@code warm}, not with the last window. A strategy that prices
     * cache reads keeps it for that request. Called as {@link #cacheEmptied} is.
     */
    default void cacheHolds(Window warm) {}

    /**
     * A reliable cache would have read {@code predictedRead} tokens of the last window, and the provider served
     * {@code share} of them (1: all). A strategy that prices cache reads keeps it.
     */
    default void cacheServed(long predictedRead, double share) {}
}
