package dev.cachet.evals.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What happened to the prompt cache around one call of a replay.
 *
 * @param cold        the call came after the cache's TTL had passed since the cache was last used
 * @param compacted   the strategy compacted its window at this call
 * @param pings       keep-alive pings sent while the session idled before the call
 * @param pingCostUsd what those pings cost; part of the call's costs
 * @param miss        why the call read less than the cache held before it, when it did
 * @param sideCalls   on a recorded bill, the calls its log billed before this one (cachet's pings and summaries),
 *                    part of its costs; each is told apart, since a day's row may count a side call without the call
 */
public record CallCache(boolean cold, boolean compacted, int pings, double pingCostUsd, Optional<CacheMiss> miss,
        List<SideCost> sideCalls) {
    /** A side call of a recorded bill: its index among its trajectory's side calls, whether a ping, and its cost. */
    public record SideCost(int index, boolean ping, double costUsd, double inputCostUsd) {}

    public CallCache {
        Objects.requireNonNull(miss, "miss");
        sideCalls = List.copyOf(sideCalls);
    }

    /** A strategy's call, which its replay made with no side call of the log's. */
    public CallCache(boolean cold, boolean compacted, int pings, double pingCostUsd, Optional<CacheMiss> miss) {
        this(cold, compacted, pings, pingCostUsd, miss, List.of());
    }

    /** A recorded bill's call, after the side calls {@code sides}: a summary's call is the log's compaction. */
    static CallCache recorded(boolean cold, Optional<CacheMiss> miss, List<SideCost> sides) {
        List<SideCost> pings = sides.stream().filter(SideCost::ping).toList();
        return new CallCache(cold, pings.size() < sides.size(), pings.size(), sum(pings, SideCost::costUsd), miss,
                sides);
    }

    /** What the side calls before the call cost. */
    double sideCostUsd() {
        return sum(sideCalls, SideCost::costUsd);
    }

    /** The input cost of the side calls before the call. */
    double sideInputCostUsd() {
        return sum(sideCalls, SideCost::inputCostUsd);
    }

    private static double sum(List<SideCost> costs, ToDoubleFunction<SideCost> each) {
        return costs.stream().mapToDouble(each).sum();
    }

    /** A call without compaction or pings whose misses are not explained. */
    public static CallCache of(boolean cold) {
        return new CallCache(cold, false, 0, 0, Optional.empty());
    }
}
