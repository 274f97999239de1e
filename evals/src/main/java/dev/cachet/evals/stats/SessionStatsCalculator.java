package dev.cachet.evals.stats;

import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Computes a recorded session's {@link SessionStats} from the usage each model call recorded, each at its own price. */
public final class SessionStatsCalculator {
    private static final int ENDS = 5;
    private static final Duration MIN_BURN_WINDOW = Duration.ofMinutes(1);

    private final TokenCounter counter;
    private final CallPricer pricer;
    private final LeakCosts leakCosts;

    /** @param prices the price of a model by the name the log gives it */
    public SessionStatsCalculator(TokenCounter counter, Function<String, Optional<ModelPrice>> prices) {
        this.counter = counter;
        this.pricer = new CallPricer(prices);
        this.leakCosts = new LeakCosts(pricer);
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
        return ofSummaries(parts, calls.of(parts));
    }

    /**
     * A session from the summaries of its parts and the calls of them to count: all of them, or those a report's
     * filter kept (a period of time). Empty when none of {@code calls} recorded its usage.
     */
    public Optional<SessionStats> ofSummaries(List<TraceSummary> parts, List<Call> calls) {
        // Made once: the measures below go through the calls a dozen times, and a CallList makes them at each get.
        List<Call> all = List.copyOf(calls);
        TraceSummary main = parts.stream().filter(TraceSummary::main).findFirst().orElse(parts.get(0));
        List<Usage> usages = Call.usages(all);
        if (usages.isEmpty()) {
            return Optional.empty();
        }
        List<Usage> own = new ArrayList<>();
        TurnColumns ownTurns = main.columns();
        for (int i = 0; i < ownTurns.size(); i++) {
            ownTurns.usage(i).ifPresent(own::add);
        }
        // Added up once for the session's usage, cost and models.
        CallTotals totals = CallTotals.of(all, pricer);
        Usage usage = totals.usage();
        Double cost = totals.cost();
        Double hours = hours(all);
        Double burn = cost == null || hours == null ? null : cost / hours;
        int largest = parts.stream().mapToInt(TraceSummary::largestToolResultTokens).max().orElse(0);
        double hitRate = usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input();
        List<Usage> context = own.isEmpty() ? usages : own;
        double growth = growth(context);
        UsageSum contextSum = new UsageSum();
        context.forEach(contextSum::add);
        Usage contextUsage = contextSum.total();
        Double schemaShare = main.toolSchemaTokens().isEmpty() || contextUsage.input() == 0 ? null
                : (double) main.toolSchemaTokens().getAsInt() * context.size() / contextUsage.input();
        // A ping is no turn: the context's growth is measured on the turns alone.
        List<Call> ownCalls = all.stream().filter(call -> call.agent().equals(TrajectoryTurn.MAIN) && !call.ping()).toList();
        List<Call> pings = all.stream().filter(Call::ping).toList();
        List<LeakCost> leaks = leakCosts.of(all, ownCalls.isEmpty() ? all : ownCalls, main);
        String model = all.stream().flatMap(call -> call.model().stream()).findFirst().orElse(CallPricer.UNKNOWN_MODEL);
        return Optional.of(new SessionStats(main.id(), main.format(), model, main.turns().size(), all.size(), usage,
                cost, totals.priced(), all.stream().allMatch(call -> call.usage().isPresent()),
                agents(all), totals.models(), hitRate, (double) usage.total() / usages.size(), hours, burn, growth,
                schemaShare, largest, leaks.stream().map(LeakCost::leak).toList(), leaks, pings.size(),
                pings.isEmpty() ? Double.valueOf(0) : pricer.cost(pings)));
    }

    /** The session's own agent first, then each sub-agent type in the order it first called. */
    private List<AgentUsage> agents(List<Call> calls) {
        return Call.byAgent(calls).entrySet().stream()
                .map(entry -> new AgentUsage(entry.getKey(), entry.getValue().size(), CallPricer.usage(entry.getValue()),
                        pricer.cost(entry.getValue())))
                .toList();
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
        List<Instant> times = new ArrayList<>(calls.size());
        calls.forEach(call -> call.at().ifPresent(times::add));
        times.sort(null);
        if (times.size() < 2) {
            return null;
        }
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        return span.compareTo(MIN_BURN_WINDOW) < 0 ? null : span.toMillis() / 3_600_000.0;
    }
}
