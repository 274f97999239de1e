package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

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

    /**
     * The part of this call's bill a row counts: the call if {@code own}, and the side calls billed before it that
     * {@code side} takes by index (a day's row may count a ping the evening before and not the call after midnight);
     * empty where it counts none of them.
     */
    Optional<ReplayTurn> billing(boolean own, IntPredicate side) {
        List<CallCache.SideCost> taken = cache.sideCalls().stream().filter(cost -> side.test(cost.index())).toList();
        if (own && taken.size() == cache.sideCalls().size()) {
            return Optional.of(this);
        }
        if (!own && taken.isEmpty()) {
            return Optional.empty();
        }
        if (own) {
            CallCache counted = CallCache.recorded(cache.cold(), cache.miss(), taken);
            return Optional.of(new ReplayTurn(turn, windowTokens, usage,
                    costUsd - cache.sideCostUsd() + counted.sideCostUsd(),
                    inputCostUsd - cache.sideInputCostUsd() + counted.sideInputCostUsd(), references, visible, pointers,
                    rereadCostUsd, counted));
        }
        // The side calls alone: the call, cold or missing the cache, is another row's.
        CallCache sides = CallCache.recorded(false, Optional.empty(), taken);
        return Optional.of(new ReplayTurn(turn, 0, Usage.ZERO, sides.sideCostUsd(), sides.sideInputCostUsd(), 0, 0, 0,
                0, sides));
    }
}
