package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;

/**
 * One model call as a strategy would have made it.
 *
 * @param references names the real action used that came from earlier observations
 * @param visible    how many of them the strategy's window still showed, as content or only as a pointer
 * @param pointers   how many of the visible ones it showed only as a pointer (a placeholder, an index entry)
 * @param rereadCostUsd what reading again the outputs whose content the window lacked (behind a pointer, or gone)
 *                   would have cost, uncached; part of the call's costs, so dropping content the agent needs is not free
 * @param cache      what happened to the prompt cache around the call: expiry, keep-alive pings, a miss's cause
 */
public record ReplayTurn(int turn, int windowTokens, Usage usage, double costUsd, double inputCostUsd, int references,
        int visible, int pointers, double rereadCostUsd, CallCache cache) {
    /** Whether the call came after the cache's TTL had passed since the cache was last used. */
    public boolean cold() {
        return cache.cold();
    }
}
