package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds a session's leaks, with what each cost, from its calls priced one by one. */
final class LeakCosts {
    static final double LOW_CACHE_HIT = 0.5;
    static final double RUNAWAY_GROWTH = 3.0;
    static final long RUNAWAY_INPUT_TOKENS = 50_000;
    static final long UNCACHED_PREFIX_TOKENS = 10_000;
    static final int ENDS = 5;
    private static final double PER_TOKEN = 1e-6;

    /** The leaks that are the cache's: what they cost is what the cache would have saved. */
    private static final Set<Leak> CACHE_LEAKS = EnumSet.of(Leak.LOW_CACHE_HIT, Leak.EXPIRED_CACHE_REWRITE,
            Leak.UNCACHED_PREFIX);

    private final CallPricer pricer;

    LeakCosts(CallPricer pricer) {
        this.pricer = pricer;
    }

    /**
     * @param calls  every call of the session
     * @param totals what they billed, added up, and whether every one is priced
     * @param own    the indexes of the calls of its own context, in order: what growth is measured on
     * @param main   its own context, whose tool results may be oversized
     */
    List<LeakCost> of(SessionCalls calls, CallTotals totals, int[] own, TraceSummary main) {
        Usage usage = totals.usage();
        List<LeakCost> leaks = new ArrayList<>();
        if (usage.input() > 0 && (double) usage.cacheRead() / usage.input() < LOW_CACHE_HIT) {
            leaks.add(lowCacheHit(calls));
        }
        runaway(calls, own).ifPresent(leaks::add);
        oversized(calls, own, main).ifPresent(leaks::add);
        Map<String, int[]> byAgent = calls.byAgent();
        expired(calls, byAgent).ifPresent(leaks::add);
        uncachedPrefix(calls, byAgent).ifPresent(leaks::add);
        // Where every call is priced, missing the cache at no cost is no leak: a provider with no cache discount (a
        // model served through a router without one) loses nothing by it. The size leaks stay, whatever the price.
        if (totals.priced()) {
            leaks.removeIf(leak -> leak.costUsd() == 0 && CACHE_LEAKS.contains(leak.leak()));
        }
        return leaks;
    }

    private LeakCost lowCacheHit(CallView calls) {
        int count = 0;
        double cost = 0;
        for (int i = 0; i < calls.size(); i++) {
            Usage u = calls.usage(i);
            if (u != null && u.input() > 0 && u.cacheRead() < u.input() * LOW_CACHE_HIT) {
                count++;
                ModelPrice p = price(calls, i);
                cost += p == null ? 0.0 : aboveRead(p, u, u.uncachedInput(), u.cacheWrite5m(), u.cacheWrite1h());
            }
        }
        return new LeakCost(Leak.LOW_CACHE_HIT, count, cost);
    }

    private Optional<LeakCost> runaway(CallView calls, int[] own) {
        int[] billed = Arrays.stream(own).filter(i -> calls.usage(i) != null).toArray();
        if (billed.length <= ENDS) {
            return Optional.empty();
        }
        double first = meanInput(calls, billed, 0);
        double last = meanInput(calls, billed, billed.length - ENDS);
        if (first == 0 || last / first <= RUNAWAY_GROWTH || last <= RUNAWAY_INPUT_TOKENS) {
            return Optional.empty();
        }
        int count = 0;
        double cost = 0;
        for (int i : Arrays.copyOfRange(billed, ENDS, billed.length)) {
            Usage u = calls.usage(i);
            if (u.input() > first) {
                count++;
                double excess = (u.input() - first) / u.input();
                ModelPrice p = price(calls, i);
                cost += p == null ? 0.0 : p.inputCost(u) * excess;
            }
        }
        return Optional.of(new LeakCost(Leak.RUNAWAY_CONTEXT, count, cost));
    }

    /** The mean input of the {@link #ENDS} calls from {@code from} of {@code billed}, as a stream's average is. */
    private static double meanInput(CallView calls, int[] billed, int from) {
        long sum = 0;
        for (int i = from; i < from + ENDS; i++) {
            sum += calls.usage(billed[i]).input();
        }
        return (double) sum / ENDS;
    }

    /** What the oversized results cost: each is read from the cache again on every later call. */
    private Optional<LeakCost> oversized(CallView calls, int[] own, TraceSummary main) {
        List<TraceSummary.OversizedResult> results = main.sizedResults().oversized();
        if (results.isEmpty()) {
            return Optional.empty();
        }
        ModelPrice price = null;
        for (int k = 0; k < own.length && price == null; k++) {
            price = price(calls, own[k]);
        }
        int turns = main.turns().size();
        ModelPrice at = price;
        double cost = results.stream()
                .mapToDouble(r -> at == null ? 0.0 : PER_TOKEN * r.tokens() * (turns - r.turn() - 1) * at.cacheRead())
                .sum();
        return Optional.of(new LeakCost(Leak.OVERSIZED_TOOL_RESULT, results.size(), cost));
    }

    private Optional<LeakCost> expired(CallView calls, Map<String, int[]> byAgent) {
        boolean hour = false;
        for (int i = 0; i < calls.size() && !hour; i++) {
            hour = calls.usage(i) != null && calls.usage(i).cacheWrite1h() > 0;
        }
        long ttl = hour ? Duration.ofHours(1).toSeconds() : Duration.ofMinutes(5).toSeconds();
        int count = 0;
        double cost = 0;
        for (int[] agent : byAgent.values()) {
            int[] timed = byTime(calls, agent);
            for (int k = 1; k < timed.length; k++) {
                Usage u = calls.usage(timed[k]);
                if (u != null && u.cacheWrite() > 0 && longerThan(calls.at(timed[k - 1]), calls.at(timed[k]), ttl)) {
                    count++;
                    ModelPrice p = price(calls, timed[k]);
                    cost += p == null ? 0.0 : aboveRead(p, u, 0, u.cacheWrite5m(), u.cacheWrite1h());
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new LeakCost(Leak.EXPIRED_CACHE_REWRITE, count, cost));
    }

    /** Those of {@code calls} that have a time, by time, those of the same time in their order. */
    private static int[] byTime(CallView calls, int[] indexes) {
        int[] timed = Arrays.stream(indexes).filter(i -> calls.at(i) != null).toArray();
        boolean sorted = true;
        for (int k = 1; k < timed.length && sorted; k++) {
            sorted = !calls.at(timed[k]).isBefore(calls.at(timed[k - 1]));
        }
        // A log is mostly in time order already: boxed and sorted (stably) only when it is not.
        return sorted ? timed : Arrays.stream(timed).boxed()
                .sorted(Comparator.comparing(calls::at)).mapToInt(Integer::intValue).toArray();
    }

    /** Whether more than {@code seconds} passed from {@code before} to {@code after}, as a Duration compares. */
    private static boolean longerThan(Instant before, Instant after, long seconds) {
        long between = after.getEpochSecond() - before.getEpochSecond();
        int nanos = after.getNano() - before.getNano();
        if (nanos < 0) {
            between--;
            nanos += 1_000_000_000;
        }
        return between > seconds || between == seconds && nanos > 0;
    }

    private Optional<LeakCost> uncachedPrefix(CallView calls, Map<String, int[]> byAgent) {
        int count = 0;
        double cost = 0;
        for (int[] agent : byAgent.values()) {
            for (int k = 1; k < agent.length; k++) {
                Usage u = calls.usage(agent[k]);
                if (u != null && u.uncachedInput() > UNCACHED_PREFIX_TOKENS) {
                    count++;
                    ModelPrice p = price(calls, agent[k]);
                    cost += p == null ? 0.0 : aboveRead(p, u, u.uncachedInput(), 0, 0);
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new LeakCost(Leak.UNCACHED_PREFIX, count, cost));
    }

    /** What these tokens of the call billed {@code u} were billed above reading them from the cache, at its tier. */
    private static double aboveRead(ModelPrice price, Usage u, long uncached, long write5m, long write1h) {
        ModelPrice p = price.forPrompt(u.input());
        return PER_TOKEN * (uncached * (p.input() - p.cacheRead()) + write5m * (p.cacheWrite5m() - p.cacheRead())
                + write1h * (p.cacheWrite1h() - p.cacheRead()));
    }

    /** The price of the call's model; null when it billed nothing known or no table prices its model. */
    private ModelPrice price(CallView calls, int i) {
        if (calls.usage(i) == null) {
            return null;
        }
        return pricer.price(CallPricer.named(calls.model(i))).orElse(null);
    }
}
