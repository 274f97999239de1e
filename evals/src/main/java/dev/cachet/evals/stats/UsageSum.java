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
        uncachedInput += usage.uncachedInput();
        cacheWrite += usage.cacheWrite();
        cacheRead += usage.cacheRead();
        output += usage.output();
        reasoning += usage.reasoning();
        cacheWrite1h += usage.cacheWrite1h();
    }

    Usage total() {
        return new Usage(uncachedInput, cacheWrite, cacheRead, output, reasoning, cacheWrite1h);
    }
}
