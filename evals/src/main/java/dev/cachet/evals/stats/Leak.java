package dev.cachet.evals.stats;

/**
 * A pattern in a session that wastes tokens, with the threshold that flags it. What each cost is worked out by
 * {@link LeakCosts}, as said on each.
 */
public enum Leak {
    /**
     * Under half of the input was read from the cache: the prefix kept changing, or the cache expired. Costs what its
     * uncached input and cache writes were billed above the cache-read price.
     */
    LOW_CACHE_HIT("low cache hit rate (< 50%)"),
    /**
     * The last turns sent over 3x the input of the first and over 50k tokens each: nothing was compacted. Costs the
     * input each later call sent beyond the first turns' mean, at what that call paid per input token.
     */
    RUNAWAY_CONTEXT("runaway context (last turns > 3x the first, > 50k tokens)"),
    /** A single tool output over 10k tokens, resent with every later turn. Costs those resends at the cache-read price. */
    OVERSIZED_TOOL_RESULT("oversized tool result (> 10k tokens)"),
    /**
     * A call that wrote the cache after a pause longer than the cache's TTL (an hour where the session wrote 1-hour
     * entries, else five minutes), so the prefix was written again instead of read. Costs the writes above the
     * cache-read price.
     */
    EXPIRED_CACHE_REWRITE("cache rewritten after a pause past its TTL"),
    /**
     * A call after an agent's first that sent over 10k tokens uncached: a prefix sent without a cache breakpoint, or
     * changed ahead of one. Costs those tokens above the cache-read price.
     */
    UNCACHED_PREFIX("large prefix re-sent uncached (> 10k tokens)");

    private final String description;

    Leak(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
