package dev.cachet.evals.replay;

/**
 * Why a call read less from the prompt cache than the cache held after the last call to its model (each model caches
 * apart), like Anthropic's cache diagnostics but offline and for every provider.
 *
 * @param lostTokens what the cache held that this call did not read
 * @param detail     the cause in words, with its figure: "TTL expired after 7 min", "prefix changed at block 3"
 */
public record CacheMiss(Cause cause, long lostTokens, String detail) {
    public enum Cause {
        /** The pause since the cache was last used passed its time-to-live. */
        EXPIRED,
        /**
         * The strategy compacted the window at this call, rewriting what followed the change; in the recorded bill and
         * the transcript that follows it, the original harness started its context anew here.
         */
        COMPACTION,
        /** The window changed inside what was cached without a compaction (a rewritten message, a new tool). */
        PREFIX_CHANGED,
        /** The previous prompt was shorter than the shortest prefix the model caches, so nothing was kept. */
        BELOW_MINIMUM,
        /** The prompt was the same, but the cache did not find it: a breakpoint too far past the cached prefix. */
        LOOKBACK,
        /** The first call to a model, after calls to another: each model caches apart, and its cache held nothing yet. */
        MODEL_SWITCH,
        /**
         * The recorded bill read less than it had cached within the TTL, and the log does not say why: the provider's
         * cache missed, or the harness changed its prompt in a way the log does not record.
         */
        PROVIDER
    }
}
