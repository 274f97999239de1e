package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds a session's leaks, with what each cost, from its calls priced one by one. */
final class LeakCosts {
    static final double LOW_CACHE_HIT = 0.5;
    static final double RUNAWAY_GROWTH = 3.0;
    static final long RUNAWAY_INPUT_TOKENS = 50_000;
    static final long UNCACHED_PREFIX_TOKENS = 10_000;
    static final int ENDS = 5;
    private static final double PER_TOKEN = 1e-6;

    private final CallPricer pricer;

    LeakCosts(CallPricer pricer) {
        this.pricer = pricer;
    }

    /**
     * @param calls  every call of the session
     * @param own    the calls of its own context, in order: what growth is measured on
     * @param main   its own context, whose tool results may be oversized
     */
    List<LeakCost> of(List<Call> calls, List<Call> own, TraceSummary main) {
        List<LeakCost> leaks = new ArrayList<>();
        Usage usage = CallPricer.usage(calls);
        if (usage.input() > 0 && (double) usage.cacheRead() / usage.input() < LOW_CACHE_HIT) {
            leaks.add(lowCacheHit(calls));
        }
        runaway(own).ifPresent(leaks::add);
        oversized(own, main).ifPresent(leaks::add);
        expired(calls).ifPresent(leaks::add);
        uncachedPrefix(calls).ifPresent(leaks::add);
        return leaks;
    }

    private LeakCost lowCacheHit(List<Call> calls) {
        int count = 0;
        double cost = 0;
        for (Call call : calls) {
            Usage u = call.usage().orElse(Usage.ZERO);
            if (u.input() > 0 && u.cacheRead() < u.input() * LOW_CACHE_HIT) {
                count++;
                cost += price(call).map(p -> aboveRead(p, u.uncachedInput(), u.cacheWrite5m(), u.cacheWrite1h()))
                        .orElse(0.0);
            }
        }
        return new LeakCost(Leak.LOW_CACHE_HIT, count, cost);
    }

    private Optional<LeakCost> runaway(List<Call> own) {
        List<Usage> usages = Call.usages(own);
        if (usages.size() <= ENDS) {
            return Optional.empty();
        }
        double first = usages.subList(0, ENDS).stream().mapToLong(Usage::input).average().orElse(0);
        double last = usages.subList(usages.size() - ENDS, usages.size()).stream().mapToLong(Usage::input).average()
                .orElse(0);
        if (first == 0 || last / first <= RUNAWAY_GROWTH || last <= RUNAWAY_INPUT_TOKENS) {
            return Optional.empty();
        }
        int count = 0;
        double cost = 0;
        List<Call> priced = own.stream().filter(call -> call.usage().isPresent()).toList();
        for (Call call : priced.subList(ENDS, priced.size())) {
            Usage u = call.usage().orElseThrow();
            if (u.input() > first) {
                count++;
                double excess = (u.input() - first) / u.input();
                cost += price(call).map(p -> p.inputCost(u) * excess).orElse(0.0);
            }
        }
        return Optional.of(new LeakCost(Leak.RUNAWAY_CONTEXT, count, cost));
    }

    /** What the oversized results cost: each is read from the cache again on every later call. */
    private Optional<LeakCost> oversized(List<Call> own, TraceSummary main) {
        List<TraceSummary.OversizedResult> results = main.oversizedResults();
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelPrice> price = own.stream().map(this::price).flatMap(Optional::stream).findFirst();
        int turns = main.turns().size();
        double cost = results.stream()
                .mapToDouble(r -> price.map(p -> PER_TOKEN * r.tokens() * (turns - r.turn() - 1) * p.cacheRead())
                        .orElse(0.0))
                .sum();
        return Optional.of(new LeakCost(Leak.OVERSIZED_TOOL_RESULT, results.size(), cost));
    }

    private Optional<LeakCost> expired(List<Call> calls) {
        boolean hour = Call.usages(calls).stream().anyMatch(u -> u.cacheWrite1h() > 0);
        Duration ttl = hour ? Duration.ofHours(1) : Duration.ofMinutes(5);
        int count = 0;
        double cost = 0;
        for (List<Call> agent : Call.byAgent(calls).values()) {
            List<Call> timed = agent.stream().filter(call -> call.at().isPresent())
                    .sorted(Comparator.comparing(call -> call.at().orElseThrow())).toList();
            for (int i = 1; i < timed.size(); i++) {
                Instant before = timed.get(i - 1).at().orElseThrow();
                Call call = timed.get(i);
                Usage u = call.usage().orElse(Usage.ZERO);
                if (u.cacheWrite() > 0 && Duration.between(before, call.at().orElseThrow()).compareTo(ttl) > 0) {
                    count++;
                    cost += price(call).map(p -> aboveRead(p, 0, u.cacheWrite5m(), u.cacheWrite1h())).orElse(0.0);
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new LeakCost(Leak.EXPIRED_CACHE_REWRITE, count, cost));
    }

    private Optional<LeakCost> uncachedPrefix(List<Call> calls) {
        int count = 0;
        double cost = 0;
        for (List<Call> agent : Call.byAgent(calls).values()) {
            for (Call call : agent.subList(1, agent.size())) {
                Usage u = call.usage().orElse(Usage.ZERO);
                if (u.uncachedInput() > UNCACHED_PREFIX_TOKENS) {
                    count++;
                    cost += price(call).map(p -> aboveRead(p, u.uncachedInput(), 0, 0)).orElse(0.0);
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new LeakCost(Leak.UNCACHED_PREFIX, count, cost));
    }

    /** What these tokens were billed above reading them from the cache. */
    private static double aboveRead(ModelPrice p, long uncached, long write5m, long write1h) {
        return PER_TOKEN * (uncached * (p.input() - p.cacheRead()) + write5m * (p.cacheWrite5m() - p.cacheRead())
                + write1h * (p.cacheWrite1h() - p.cacheRead()));
    }

    private Optional<ModelPrice> price(Call call) {
        return call.usage().isPresent() ? pricer.price(call) : Optional.empty();
    }
}
