package dev.cachet.evals.replay;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to the prompt cache around one call of a replay.
 *
 * @param cold        the call came after the cache's TTL had passed since the cache was last used
 * @param pings       keep-alive pings sent while the session idled before the call
 * @param pingCostUsd what those pings cost; part of the call's costs
 * @param miss        why the call read less than the cache held before it, when it did
 */
public record CallCache(boolean cold, int pings, double pingCostUsd, Optional<CacheMiss> miss) {
    public CallCache {
        Objects.requireNonNull(miss, "miss");
    }

    /** A call without pings whose misses are not explained. */
    public static CallCache of(boolean cold) {
        return new CallCache(cold, 0, 0, Optional.empty());
    }
}
