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
import java.util.Arrays;
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
        // Read once: the measures below go through the calls a dozen times.
        SessionCalls all = SessionCalls.of(CallView.of(calls));
        TraceSummary main = parts.stream().filter(TraceSummary::main).findFirst().orElse(parts.get(0));
        int billed = 0;
        boolean usageKnown = true;
        String model = null;
        // Added up once for the session's usage, cost and models; its pings and its own turns apart.
        CallTotals totals = new CallTotals(pricer);
        CallTotals pings = new CallTotals(pricer);
        int ownCalls = 0;
        for (int i = 0; i < all.size(); i++) {
            Usage used = all.usage(i);
            billed += used == null ? 0 : 1;
            usageKnown &= used != null;
            model = model == null ? all.model(i) : model;
            totals.add(all.model(i), used);
            if (all.ping(i)) {
                pings.add(all.model(i), used);
            } else if (all.agent(i).equals(TrajectoryTurn.MAIN)) {
                ownCalls++;
            }
        }
        if (billed == 0) {
            return Optional.empty();
        }
        Usage usage = totals.usage();
        Double cost = totals.cost();
        Double hours = hours(all);
        Double burn = cost == null || hours == null ? null : cost / hours;
        int largest = parts.stream().mapToInt(part -> part.sizedResults().largest()).max().orElse(0);
        double hitRate = usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input();
        List<Usage> context = ownUsages(main);
        if (context.isEmpty()) {
            context = billedUsages(all);
        }
        double growth = growth(context);
        UsageSum contextSum = new UsageSum();
        context.forEach(contextSum::add);
        Usage contextUsage = contextSum.total();
        Double schemaShare = main.toolSchemaTokens().isEmpty() || contextUsage.input() == 0 ? null
                : (double) main.toolSchemaTokens().getAsInt() * context.size() / contextUsage.input();
        List<LeakCost> leaks = leakCosts.of(all, totals, ownCalls == 0 ? everyCall(all) : ownTurns(all, ownCalls), main);
        // The session's own calls among those counted (a period's); a sub-agent's transcript alone is its own context.
        int turns = parts.stream().anyMatch(TraceSummary::main) ? ownCalls : all.size() - pings.calls();
        return Optional.of(new SessionStats(main.id(), main.format(), CallPricer.named(model),
                turns, all.size(), usage, cost, totals.priced(), usageKnown, agents(all),
                totals.models(), hitRate, (double) usage.total() / billed, hours, burn, growth, schemaShare, largest,
                leaks.stream().map(LeakCost::leak).toList(), leaks, pings.calls(),
                pings.calls() == 0 ? Double.valueOf(0) : pings.cost()));
    }

    /**
     * What each model of a session's {@code calls} billed, in the order each first answered: all a report by period
     * needs of a session, to name the models no table prices. Empty when none of them recorded its usage.
     */
    public Optional<List<ModelUsage>> models(List<Call> calls) {
        CallView view = CallView.of(calls);
        CallTotals totals = new CallTotals(pricer);
        boolean billed = false;
        for (int i = 0; i < view.size(); i++) {
            billed |= view.billed(i);
            view.addTo(totals, i);
        }
        return billed ? Optional.of(totals.models()) : Optional.empty();
    }

    /** The usage each turn of the session's own context recorded, in order. */
    private static List<Usage> ownUsages(TraceSummary main) {
        List<Usage> own = new ArrayList<>();
        TurnColumns ownTurns = main.columns();
        for (int i = 0; i < ownTurns.size(); i++) {
            Usage used = ownTurns.usage(i);
            if (used != null) {
                own.add(used);
            }
        }
        return own;
    }

    private static List<Usage> billedUsages(CallView calls) {
        List<Usage> usages = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            if (calls.usage(i) != null) {
                usages.add(calls.usage(i));
            }
        }
        return usages;
    }

    private static int[] everyCall(CallView calls) {
        int[] every = new int[calls.size()];
        Arrays.setAll(every, i -> i);
        return every;
    }

    /** The {@code count} calls of the session's own context, in order: a ping is no turn, so no part of its growth. */
    private static int[] ownTurns(CallView calls, int count) {
        int[] own = new int[count];
        int next = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (!calls.ping(i) && calls.agent(i).equals(TrajectoryTurn.MAIN)) {
                own[next++] = i;
            }
        }
        return own;
    }

    /** The session's own agent first, then each sub-agent type in the order it first called. */
    private List<AgentUsage> agents(SessionCalls calls) {
        List<AgentUsage> agents = new ArrayList<>();
        calls.byAgent().forEach((agent, indexes) -> {
            CallTotals totals = new CallTotals(pricer);
            for (int i : indexes) {
                totals.add(calls.model(i), calls.usage(i));
            }
            agents.add(new AgentUsage(agent, totals.calls(), totals.usage(), totals.cost()));
        });
        return agents;
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

    /** The time from the first call to the last; null without two times a minute apart. */
    private static Double hours(CallView calls) {
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < calls.size(); i++) {
            Instant at = calls.at(i);
            if (at != null) {
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        return first == null ? null : hours(first, last);
    }

    /** The hours from {@code first} to {@code last}, over which a burn rate is taken; null if under a minute. */
    public static Double hours(Instant first, Instant last) {
        Duration span = Duration.between(first, last);
        // In seconds: a log can date a call up to the year 999999999, whose span in milliseconds overflows a long.
        return span.compareTo(MIN_BURN_WINDOW) < 0 ? null : (span.getSeconds() + span.getNano() / 1e9) / 3_600.0;
    }
}
