package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;

/** Usages added up in place: a report adds up every call of a year of logs, and a {@link Usage} per sum is garbage. */
final class UsageSum {
    private long uncachedInput;
    private long cacheWrite;
    private long cacheRead;
    private long output;
    private long reasoning;
    private long cacheWrite1h;

    void add(Usage usage) {
        add(usage.uncachedInput(), usage.cacheWrite(), usage.cacheRead(), usage.output(), usage.reasoning(),
                usage.cacheWrite1h());
    }

    /** Adds a usage given as its counts, in {@link Usage}'s order. */
    void add(long uncachedInput, long cacheWrite, long cacheRead, long output, long reasoning, long cacheWrite1h) {
        this.uncachedInput += uncachedInput;
        this.cacheWrite += cacheWrite;
        this.cacheRead += cacheRead;
        this.output += output;
        this.reasoning += reasoning;
        this.cacheWrite1h += cacheWrite1h;
    }

    Usage total() {
        return new Usage(uncachedInput, cacheWrite, cacheRead, output, reasoning, cacheWrite1h);
    }
}
