package dev.cachet.providers.cache;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;

/** Predicts, offline, how a provider's prompt cache would bill a sequence of requests. Stateful: one per session. */
public interface CacheSimulator {
    Usage next(Window window, long outputTokens);
}
