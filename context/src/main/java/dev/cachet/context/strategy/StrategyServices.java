package dev.cachet.context.strategy;

import dev.cachet.context.window.WindowFactory;

/** What strategies are built with: windows that share a session's token counts, cache prices and a summarizer. */
public record StrategyServices(WindowFactory windows, CacheRates cacheRates, Summarizer summarizer) {}
