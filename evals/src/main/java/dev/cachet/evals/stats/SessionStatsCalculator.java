package dev.cachet.evals.stats;

import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a recorded session's {@link SessionStats} from the usage each model call recorded, each at its own price. */
public final class SessionStatsCalculator {
    static final double LOW_CACHE_HIT = 0.5;
    static final double RUNAWAY_GROWTH = 3.0;
    static final long RUNAWAY_INPUT_TOKENS = 50_000;
    static final int OVERSIZED_RESULT_TOKENS = 10_000;
    private static final int ENDS = 5;
    private static final Duration MIN_BURN_WINDOW = Duration.ofMinutes(1);

    private final TokenCounter counter;
    private final CallPricer pricer;

    /** @param prices the price of a model by the name the log gives it */
    public SessionStatsCalculator(TokenCounter counter, Function<String, Optional<ModelPrice>> prices) {
        this.counter = counter;
        this.pricer = new CallPricer(prices);
    }

    /** A trajectory as a session of its own; empty when no turn of it recorded its usage. */
    public Optional<SessionStats> of(Trajectory trajectory) {
        return of(List.of(trajectory), new Calls());
    }

    /**
     * A session from its parts: its own context and its sub-agents' ({@link Trajectory#session()} names them one
     * session), each call counted through {@code calls}, so a call another session's log already held is not counted
     * again. Context measures (growth, tokens per turn, tool schemas) are the session's own context's; usage and
     * cost are all calls'. Empty when no call recorded its usage.
     */
    public Optional<SessionStats> of(List<Trajectory> parts, Calls calls) {
        return ofSummaries(parts.stream().map(part -> TraceSummary.of(part, counter)).toList(), calls);
    }

    /** A session from the summaries of its parts, as {@link #of(List, Calls)} from the parts themselves. */
    public Optional<SessionStats> ofSummaries(List<TraceSummary> parts, Calls calls) {
        TraceSummary main = parts.stream().filter(TraceSummary::main).findFirst().orElse(parts.get(0));
        List<Call> all = parts.stream().flatMap(part -> calls.of(part).stream()).toList();
        List<Usage> usages = all.stream().flatMap(call -> call.usage().stream()).toList();
        if (usages.isEmpty()) {
            return Optional.empty();
        }
        List<Usage> own = main.turns().stream().flatMap(turn -> turn.usage().stream()).toList();
        Usage usage = usages.stream().reduce(Usage.ZERO, Usage::plus);
        Double cost = cost(all);
        Double hours = hours(all);
        Double burn = cost == null || hours == null ? null : cost / hours;
        int largest = parts.stream().mapToInt(TraceSummary::largestToolResultTokens).max().orElse(0);
        double hitRate = usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input();
        List<Usage> context = own.isEmpty() ? usages : own;
        double growth = growth(context);
        Usage contextUsage = context.stream().reduce(Usage.ZERO, Usage::plus);
        Double schemaShare = main.toolSchemaTokens().isEmpty() || contextUsage.input() == 0 ? null
                : (double) main.toolSchemaTokens().getAsInt() * context.size() / contextUsage.input();
        String model = all.stream().flatMap(call -> call.model().stream()).findFirst().orElse(CallPricer.UNKNOWN_MODEL);
        return Optional.of(new SessionStats(main.id(), main.format(), model, main.turns().size(), all.size(), usage,
                cost, all.stream().allMatch(pricer::priced), all.stream().allMatch(call -> call.usage().isPresent()),
                agents(all), models(all), hitRate, (double) usage.total() / usages.size(), hours, burn, growth,
                schemaShare, largest, leaks(hitRate, growth, context, largest)));
    }

    /** The cost of the priced calls; null when none is. */
    private Double cost(List<Call> calls) {
        List<Double> costs = calls.stream().flatMap(call -> pricer.cost(call).stream()).toList();
        return costs.isEmpty() ? null : costs.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The session's own agent first, then each sub-agent type in the order it first called. */
    private List<AgentUsage> agents(List<Call> calls) {
        Map<String, List<Call>> byAgent = new LinkedHashMap<>();
        byAgent.put(TrajectoryTurn.MAIN, new ArrayList<>());
        calls.forEach(call -> byAgent.computeIfAbsent(call.agent(), a -> new ArrayList<>()).add(call));
        return byAgent.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new AgentUsage(entry.getKey(), entry.getValue().size(), usage(entry.getValue()),
                        cost(entry.getValue())))
                .toList();
    }

    private List<ModelUsage> models(List<Call> calls) {
        Map<String, List<Call>> byModel = calls.stream().collect(Collectors.groupingBy(
                call -> call.model().orElse(CallPricer.UNKNOWN_MODEL), LinkedHashMap::new, Collectors.toList()));
        return byModel.entrySet().stream()
                .map(entry -> new ModelUsage(entry.getKey(), entry.getValue().size(), usage(entry.getValue()),
                        cost(entry.getValue())))
                .toList();
    }

    private static Usage usage(List<Call> calls) {
        return calls.stream().flatMap(call -> call.usage().stream()).reduce(Usage.ZERO, Usage::plus);
    }

    private static List<Leak> leaks(double hitRate, double growth, List<Usage> usages, int largestResult) {
        List<Leak> leaks = new ArrayList<>();
        if (hitRate < LOW_CACHE_HIT) {
            leaks.add(Leak.LOW_CACHE_HIT);
        }
        if (growth > RUNAWAY_GROWTH && meanInput(usages.subList(Math.max(0, usages.size() - ENDS), usages.size()))
                > RUNAWAY_INPUT_TOKENS) {
            leaks.add(Leak.RUNAWAY_CONTEXT);
        }
        if (largestResult > OVERSIZED_RESULT_TOKENS) {
            leaks.add(Leak.OVERSIZED_TOOL_RESULT);
        }
        return leaks;
    }

    private static double growth(List<Usage> usages) {
        if (usages.size() <= ENDS) {
            return 1.0;
        }
        double first = meanInput(usages.subList(0, ENDS));
        double last = meanInput(usages.subList(usages.size() - ENDS, usages.size()));
        return first == 0 ? 1.0 : last / first;
    }

    private static double meanInput(List<Usage> usages) {
        return usages.stream().mapToLong(Usage::input).average().orElse(0);
    }

    private static Double hours(List<Call> calls) {
        List<Instant> times = calls.stream().flatMap(call -> call.at().stream()).sorted().toList();
        if (times.size() < 2) {
            return null;
        }
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        return span.compareTo(MIN_BURN_WINDOW) < 0 ? null : span.toMillis() / 3_600_000.0;
    }
}
