package dev.cachet.evals.stats;

/** A pattern in a session that wastes tokens, with the threshold that flags it. */
public enum Leak {
    /** Under half of the input was read from the cache: the prefix kept changing, or the cache expired. */
    LOW_CACHE_HIT("low cache hit rate (< 50%)"),
    /** The last turns sent over 3x the input of the first and over 50k tokens each: nothing was compacted. */
    RUNAWAY_CONTEXT("runaway context (last turns > 3x the first, > 50k tokens)"),
    /** A single tool output over 10k tokens, resent with every later turn. */
    OVERSIZED_TOOL_RESULT("oversized tool result (> 10k tokens)");

    private final String description;

    Leak(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
