package dev.cachet.context.strategy;

import dev.cachet.context.window.WindowFactory;
import java.time.Clock;

/**
 * What strategies are built with: windows that share a session's token counts, cache prices, a summarizer, and the
 * clock each window is sent by (a replay's clock follows the recorded calls), so a strategy can tell an expired cache.
 */
public record StrategyServices(WindowFactory windows, CacheRates cacheRates, Summarizer summarizer, Clock clock) {
    /** Services for a session that runs now. */
    public StrategyServices(WindowFactory windows, CacheRates cacheRates, Summarizer summarizer) {
        this(windows, cacheRates, summarizer, Clock.systemUTC());
    }
}
