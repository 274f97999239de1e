package dev.cachet.evals.replay;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to the prompt cache around one call of a replay.
 *
 * @param cold        the call came after the cache's TTL had passed since the cache was last used
 * @param compacted   the strategy compacted its window at this call
 * @param pings       keep-alive pings sent while the session idled before the call
 * @param pingCostUsd what those pings cost; part of the call's costs
 * @param miss        why the call read less than the cache held before it, when it did
 */
public record CallCache(boolean cold, boolean compacted, int pings, double pingCostUsd, Optional<CacheMiss> miss) {
    public CallCache {
        Objects.requireNonNull(miss, "miss");
    }

    /** Whether something happened to the cache at this call that a chart should point at. */
    public boolean eventful() {
        return cold || compacted || pings > 0;
    }

    /** A call without compaction or pings whose misses are not explained. */
    public static CallCache of(boolean cold) {
        return new CallCache(cold, false, 0, 0, Optional.empty());
    }
}
