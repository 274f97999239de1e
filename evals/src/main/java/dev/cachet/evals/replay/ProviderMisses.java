package dev.cachet.evals.replay;

import dev.cachet.evals.replay.CacheMiss.Cause;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls at which a recorded session's provider served less from its cache than it held seconds before, for no
 * reason its log shows: a request routed to another of its machines, an eviction. They belong to the provider the
 * session ran against, not to its harness, so every strategy's replay meets them at the same calls: there the cache
 * serves at most what the recorded call read. Without them the replay of the original's own transcript could not
 * follow its bill, and every strategy would be compared with that bill under a cache the session never had.
 *
 * @param servedByCall what the provider served from its cache, by call index (0-based), at each such call
 */
record ProviderMisses(Map<Integer, Long> servedByCall) {
    static final ProviderMisses NONE = new ProviderMisses(Map.of());

    ProviderMisses {
        servedByCall = Map.copyOf(servedByCall);
    }

    /** The provider misses of a recorded bill's calls. */
    static ProviderMisses of(List<ReplayTurn> recorded) {
        Map<Integer, Long> served = new HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            ReplayTurn turn = recorded.get(i);
            if (turn.cache().miss().filter(miss -> miss.cause() == Cause.PROVIDER).isPresent()) {
                served.put(i, turn.usage().cacheRead());
            }
        }
        return new ProviderMisses(served);
    }

    /** The bill of call {@code call} as the provider served it, the cache's prediction where it did not miss. */
    Usage bill(int call, Usage predicted, CacheSimulator cache) {
        Long served = servedByCall.get(call);
        return served == null ? predicted : cache.servedAtMost(predicted, served);
    }

    /** The miss a call met when the provider served less than the cache predicted it would read. */
    Optional<CacheMiss> miss(int call, Usage predicted, Usage billed) {
        long lost = predicted.cacheRead() - billed.cacheRead();
        if (lost <= 0 || !servedByCall.containsKey(call)) {
            return Optional.empty();
        }
        return Optional.of(new CacheMiss(Cause.PROVIDER, lost,
                "the recorded session's provider served " + servedByCall.get(call) + " tokens from its cache here"));
    }
}
