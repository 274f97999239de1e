package dev.cachet.evals.replay;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.ContentHashes;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheServed;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Replays a real trajectory as if a strategy had managed its context: each turn, the strategy renders its window
 * from what the session held before that model call, the model's prompt cache bills the window at the time the call
 * was made, and the real next action is checked against the window for the names it needed. The real actions and
 * observations are then appended, whatever the window showed, so every strategy faces the same session. Summaries
 * are extractive, so a replay needs no model and gives the same figures every time, but each is billed as the
 * model call a live session makes for it ({@link BilledSummaries}).
 *
 * <p>Where the log records what each call was billed, token counts are first fitted to it ({@link Calibration}),
 * the tokens the log never held ride at the front of every window under every strategy, and the bill itself is
 * a run of its own, {@value #RECORDED}.
 */
public final class CounterfactualReplay {
    /** The run that is the trace's own bill, as its provider recorded it. */
    public static final String RECORDED = "recorded";
    private static final Duration ONE_HOUR = CacheLifetime.ONE_HOUR.shortest();
    /** Stands for what the original harness sent that its log does not hold; counted as the calibration says. */
    static final String UNSEEN_PREFIX = "[unseen prefix: the original harness's system prompt and tools, not in its log]";

    private final TokenCounter counter;
    private final Billing billing;
    private final ReplayTiming timing;
    private final StateRules rules = new StateRules();

    /**
     * @param billing how each trajectory's strategies are billed (its own model where known, else the one the user
     *                named) and how its original harness was ({@link Billing#asLogged})
     * @param timing  pauses, pings and the provider's misses for the strategies' runs; the recorded bill and the
     *                original's replay stay at the recorded times, meeting the provider's misses; all take its think
     *                time between calls whose log does not say when they were made
     */
    public CounterfactualReplay(TokenCounter counter, Billing billing, ReplayTiming timing) {
        this.counter = counter;
        this.billing = billing;
        this.timing = timing;
    }

    /** A replay at the times the logs recorded, without pings. */
    public CounterfactualReplay(TokenCounter counter, Billing billing) {
        this(counter, billing, ReplayTiming.RECORDED);
    }

    /**
     * One run per strategy, in the order given, then the recorded bill when the trace has one. Where the strategies
     * include the transcript, the bill comes with the original harness's replay ({@link ReplayRun#original}): the
     * transcript as that harness ran it, at the log's cache lifetime and times, whatever the strategies are billed at.
     * A trajectory whose log ends in calls it has no bill for yet is replayed without them
     * ({@link Trajectory#withoutUnbilledTail}).
     */
    public List<ReplayRun> replay(Trajectory trajectory, List<ConfiguredStrategy> strategies) {
        return replay(trajectory, strategies, true);
    }

    /**
     * As {@link #replay}, but the recorded bill comes without its original's replay, which only the fidelity check
     * and the bill's restart cost read: for a caller that compares costs alone. The bill's restart cost is then 0.
     */
    public List<ReplayRun> againstBill(Trajectory trajectory, List<ConfiguredStrategy> strategies) {
        return replay(trajectory, strategies, false);
    }

    private List<ReplayRun> replay(Trajectory read, List<ConfiguredStrategy> strategies, boolean withOriginal) {
        Trajectory trajectory = read.withoutUnbilledTail();
        CallModels models = CallModels.of(trajectory, turn -> billing.apply(trajectory, turn));
        CallModels logged = CallModels.of(trajectory, turn -> billing.asLogged(trajectory, turn));
        // Every window of the trace, whatever counts it, holds the same messages: each is hashed once.
        ContentHashes hashes = new ContentHashes();
        Calibration calibration = calibrate(trajectory, hashes);
        String systemPrompt = calibration.unseenPrefix() > 0
                ? UNSEEN_PREFIX + "\n\n" + trajectory.systemPrompt() : trajectory.systemPrompt();
        long prompt = calibration.unseenPrefix()
                + Math.round(calibration.factor() * counter.count(new SystemText(trajectory.systemPrompt())));
        TokenCounter calibrated = calibration.estimated() ? counter
                : counter.calibrated(calibration.factor(), Map.of(systemPrompt, (int) prompt));
        MessageSearch search = new MessageSearch();
        Replaying replaying = new Replaying(trajectory, ObservedReferences.of(trajectory, search), search,
                new WindowFactory(calibrated, hashes), systemPrompt, calibration.estimated());
        List<ReplayTurn> bill = calibration.estimated() ? List.of() : recorded(trajectory, logged);
        ProviderMisses misses = ProviderMisses.of(bill);
        ProviderMisses met = timing.providerMisses() ? misses : ProviderMisses.NONE;
        List<ReplayRun> runs = new ArrayList<>();
        for (ConfiguredStrategy strategy : strategies) {
            runs.add(replay(replaying, strategy, models, timing, met, Optional.empty()));
        }
        if (!calibration.estimated()) {
            // The strategies' transcript serves as the original's replay where it ran as the log did: at its model and
            // times, with no pings but the log's, which are none.
            Map<Integer, List<Instant>> pinged = loggedPings(trajectory);
            Optional<ReplayRun> asRan = !withOriginal ? Optional.empty() : strategies.stream()
                    .filter(strategy -> strategy.info().name().equals(TranscriptStrategy.NAME)).findFirst()
                    .map(transcript -> logged.billAs(models) && timing.equals(timing.asRecorded()) && pinged.isEmpty()
                            ? runs.get(strategies.indexOf(transcript))
                            : replay(replaying, transcript, logged, timing.asRecorded(), misses, Optional.of(pinged)));
            runs.add(new ReplayRun(trajectory.id(), RECORDED, bill, false,
                    asRan.map(ReplayRun::restartCostUsd).orElse(0.0), asRan));
        }
        return runs;
    }

    /**
     * What every run of one trajectory shares: the references its actions used, what is known of its messages' text,
     * its windows' counts and its system prompt.
     */
    private record Replaying(Trajectory trajectory, List<List<ObservedReferences.Observed>> references,
            MessageSearch search, WindowFactory windows, String systemPrompt, boolean estimated) {}

    /** Fits token counts to the bill: the transcript is what the original harness sent, so its windows are compared. */
    private Calibration calibrate(Trajectory trajectory, ContentHashes hashes) {
        if (!trajectory.hasRecordedUsage()) {
            return Calibration.ESTIMATED;
        }
        ContextStrategy transcript = new TranscriptStrategy(new WindowFactory(counter, hashes));
        List<Long> rebuilt = new ArrayList<>();
        windows(trajectory, transcript, trajectory.systemPrompt(), true, new CallClock(Duration.ofMinutes(5), timing.asRecorded()),
                call -> { }, (turn, window) -> rebuilt.add((long) window.tokens()));
        return Calibration.fit(trajectory.turns().stream().map(turn -> turn.usage().orElseThrow().input()).toList(), rebuilt);
    }

    /**
     * @param pingsAsLogged the keep-alive pings the log records, by the call (from 0) they came before, which the
     *                      original harness's replay sends where its log says; empty where the timing sends them
     */
    private ReplayRun replay(Replaying replaying, ConfiguredStrategy configured, CallModels models,
            ReplayTiming timing, ProviderMisses misses, Optional<Map<Integer, List<Instant>>> pingsAsLogged) {
        Trajectory trajectory = replaying.trajectory();
        WindowFactory windows = replaying.windows();
        String systemPrompt = replaying.systemPrompt();
        MessageSearch search = replaying.search();
        TokenCounter counter = windows.counter();
        SwitchingCache cache = new SwitchingCache(models, counter);
        CallClock clock = new CallClock(cache, timing);
        pingsAsLogged.ifPresent(clock::followingPings);
        BilledSummaries summaries = new BilledSummaries(windows);
        ContextStrategy strategy = configured.create(new StrategyServices(windows, cache.ratesOf(0), summaries, clock));
        long warm = warmPrefix(trajectory);
        List<ReplayTurn> turns = new ArrayList<>();
        // Each model caches apart: a call is judged against its own model's last call.
        Map<String, Window> lastWindowOf = new HashMap<>();
        Map<String, Usage> lastUsageOf = new HashMap<>();
        IntPredicate firstToItsModel = call -> !lastUsageOf.containsKey(models.cacheOf(call));
        // The transcript is the original harness's own behaviour, so it also starts anew where the original did.
        boolean followRestarts = configured.info().name().equals(TranscriptStrategy.NAME);
        // A call to a model other than the last one's finds that model's cache empty, or, back within its TTL, holding
        // the last window sent to it.
        IntConsumer switched = call -> {
            if (models.switchedFrom(call).isEmpty()) {
                return;
            }
            // The strategy weighs this call at its own model's rates, for the lifetime that model's cache last kept.
            strategy.cacheLifetime(cache.ratesOf(call));
            if (firstToItsModel.test(call) || clock.cold()) {
                strategy.cacheEmptied();
            } else {
                strategy.cacheHolds(lastWindowOf.get(models.cacheOf(call)));
            }
        };
        Session end = windows(trajectory, strategy, systemPrompt, followRestarts, clock, switched, (i, window) -> {
            TrajectoryTurn turn = trajectory.turns().get(i);
            // A ping re-sends the last request for one output token: it reads the cached prefix and keeps it warm.
            PricedModel pinged = cache.model();
            double pingCost = clock.pings().stream().mapToDouble(ping ->
                    pinged.price().cost(cache.next(lastWindowOf.get(models.cacheOf(i - 1)), 1, ping))).sum();
            cache.use(i);
            PricedModel model = cache.model();
            if (i == 0 && warm > 0) {
                // Another session (a subagent's parent, an earlier run of the same task) had cached what the first
                // call read: at most its window, and how much of it the bill says.
                cache.next(window, 0, clock.instant());
            }
            Usage predicted = cache.next(window, outputTokens(turn), clock.instant());
            // What another session left warm is what the first call read, which may stop inside the unseen prefix.
            Usage usage = i == 0 && warm > 0 ? cache.servedAtMost(predicted, warm) : misses.bill(i, predicted, cache);
            // What another session left warm says nothing of how reliable this session's cache is (live, a session's
            // first call is predicted to read nothing, so it tells nothing either).
            if (i > 0) {
                CacheServed.tell(strategy, predicted, usage);
                CacheServed.tell(cache, predicted, usage);
            }
            cache.keptFor().map(model::cacheRates).ifPresent(strategy::cacheLifetime);
            List<ObservedReferences.Observed> needed = replaying.references().get(i);
            List<Message> shown = window.messages();
            Map<Sight, List<ObservedReferences.Observed>> seen = needed.stream()
                    .collect(Collectors.groupingBy(reference -> Sight.of(shown, reference.form(), search)));
            List<ObservedReferences.Observed> pointed = seen.getOrDefault(Sight.POINTER, List.of());
            List<ObservedReferences.Observed> missing = seen.getOrDefault(Sight.MISSING, List.of());
            // The agent needs each output whose content the window lacks (behind a pointer, or gone): it reads it
            // again once, its tokens written uncached into the window. A strategy that drops content pays for it.
            long reread = Stream.concat(pointed.stream(), missing.stream()).map(ObservedReferences.Observed::source)
                    .distinct().mapToLong(counter::count).sum();
            double rereadCost = model.price().forPrompt(usage.input() + reread)
                    .inputCost(new Usage(reread, 0, 0, 0, 0));
            // A summary written for this window was a call of its own before it.
            Usage summarized = summaries.take();
            String cacheKey = models.cacheOf(i);
            Optional<CacheMiss> miss = misses.miss(i, predicted, usage).or(() -> i == 0 || !cache.caches()
                    ? Optional.empty() : firstToItsModel.test(i) ? switched(models, i, lastUsageOf, usage)
                            : MissCauses.of(lastWindowOf.get(cacheKey), lastUsageOf.get(cacheKey), window, usage, clock,
                                    followRestarts && restarts(turn)));
            double besides = rereadCost + pingCost;
            turns.add(new ReplayTurn(i + 1, window.tokens(), usage,
                    model.price().cost(usage) + model.price().cost(summarized) + besides,
                    model.price().inputCost(usage) + model.price().inputCost(summarized) + besides,
                    needed.size(), needed.size() - missing.size(),
                    pointed.size(), rereadCost, new CallCache(clock.cold(), window.compaction().isPresent(),
                    clock.pings().size(), pingCost, miss)));
            lastWindowOf.put(cacheKey, window);
            lastUsageOf.put(cacheKey, usage);
        });
        // Resumed after its cache is gone, the session's next window is the strategy's, rendered knowing the pause
        // (a compaction then costs nothing extra), sent to an empty cache; with the summary it may have asked for.
        if (cache.caches()) {
            clock.expire();
        }
        Window resumed = strategy.render(end);
        PricedModel model = models.last();
        double restart = model.price().inputCost(model.caches().apply(counter).next(resumed, 0))
                + model.price().inputCost(summaries.take());
        return new ReplayRun(trajectory.id(), configured.info().name(), turns, replaying.estimated(), restart);
    }

    /**
     * The keep-alive pings the log records with their times, by the call (from 0) each came before; those after the
     * last call warm no call's cache.
     */
    private static Map<Integer, List<Instant>> loggedPings(Trajectory trajectory) {
        return trajectory.sideCalls().stream().filter(call -> call.kind() == SideCall.Kind.PING
                        && call.at().isPresent() && call.beforeTurn() < trajectory.turns().size())
                .collect(Collectors.groupingBy(SideCall::beforeTurn,
                        Collectors.mapping(call -> call.at().orElseThrow(), Collectors.toList())));
    }

    /** What the log's first call read from the cache: the prefix cached before the session began, if any. */
    private static long warmPrefix(Trajectory trajectory) {
        return trajectory.turns().get(0).usage().map(Usage::cacheRead).orElse(0L);
    }

    /**
     * The bill as recorded: each call's usage at its model's prices, with the side calls the log billed before it (a
     * side call after the last turn goes with the last).
     */
    private List<ReplayTurn> recorded(Trajectory trajectory, CallModels models) {
        // The recorded bill is the original provider's cache: a call is cold after the lifetime the prefix its model's
        // last call wrote was paid at. That is the hour where its usage says it wrote for one (Claude Code's hour, a
        // cachet session's choice under auto), else the lifetime the log shows, or the provider's own (DeepSeek's
        // two hours), as the simulator of the call's model keeps it.
        Map<String, Duration> lifetimes = new HashMap<>();
        IntFunction<Duration> own = call -> lifetimes.computeIfAbsent(models.cacheOf(call),
                key -> models.of(call).caches().apply(counter).lifetime());
        Duration longest = IntStream.range(0, trajectory.turns().size()).mapToObj(own)
                .reduce(ONE_HOUR, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        // What each model's cache last kept, by model.
        Map<String, Duration> paidFor = new HashMap<>();
        CallClock clock = new CallClock(models::cacheOf,
                call -> paidFor.getOrDefault(models.cacheOf(call), own.apply(call)), longest, timing.asRecorded());
        List<ReplayTurn> turns = new ArrayList<>();
        // Each model caches apart: a call reads what its own model's last call left.
        Map<String, Usage> lastOfModel = new HashMap<>();
        // A bill that never read nor wrote the cache was run without one: its calls cannot miss it.
        boolean cached = trajectory.turns().stream().map(turn -> turn.usage().orElseThrow())
                .anyMatch(usage -> usage.cacheRead() + usage.cacheWrite() > 0);
        // A provider that bills its writes (Anthropic's breakpoints) caches nothing it did not bill a write for.
        boolean writesBilled = trajectory.turns().stream().anyMatch(turn -> turn.usage().orElseThrow().cacheWrite() > 0);
        int last = trajectory.turns().size() - 1;
        List<SideCall> sideCalls = trajectory.sideCalls();
        Map<Integer, List<Integer>> besides = IntStream.range(0, sideCalls.size()).boxed()
                .collect(Collectors.groupingBy(side -> Math.min(sideCalls.get(side).beforeTurn(), last)));
        for (int i = 0; i < trajectory.turns().size(); i++) {
            TrajectoryTurn turn = trajectory.turns().get(i);
            // As paid: each usage says which of its writes were for an hour, whatever lifetime the strategies replay at.
            ModelPrice price = models.of(i).listed();
            Usage usage = turn.usage().orElseThrow();
            clock.next(turn);
            Usage before = lastOfModel.get(models.cacheOf(i));
            // The first call to a model after another's found that model's cache empty; a call back to an earlier
            // model missed what that model held as any call misses.
            Optional<CacheMiss> miss = i == 0 || !cached ? Optional.empty()
                    : before == null ? switched(models, i, lastOfModel, usage)
                    : MissCauses.recorded(before, usage, clock, writesBilled, restarts(turn));
            CallCache cache = CallCache.recorded(clock.cold(), miss, besides.getOrDefault(i, List.of()).stream()
                    .map(side -> sideCost(side, sideCalls.get(side), price)).toList());
            turns.add(new ReplayTurn(i + 1, (int) usage.input(), usage, price.cost(usage) + cache.sideCostUsd(),
                    price.inputCost(usage) + cache.sideInputCostUsd(), 0, 0, 0, 0, cache));
            lastOfModel.put(models.cacheOf(i), usage);
            // A cache that bills no writes keeps every prompt its model's own time.
            if (usage.cacheWrite() > 0 || !writesBilled) {
                paidFor.put(models.cacheOf(i), usage.cacheWrite1h() > 0 ? ONE_HOUR : own.apply(i));
            }
        }
        return turns;
    }

    /**
     * The miss of the first call to a model, after a call to another: its cache held nothing of what the call before
     * it ({@code lastOfModel} holding each model's last usage) left in the other's.
     */
    private static Optional<CacheMiss> switched(CallModels models, int call, Map<String, Usage> lastOfModel,
            Usage usage) {
        return models.switchedFrom(call).flatMap(from ->
                MissCauses.switched(lastOfModel.get(from), usage, from, models.cacheOf(call)));
    }

    /** A side call priced as the strategies' pings are: a ping whole, as part of the call's input cost. */
    private static CallCache.SideCost sideCost(int index, SideCall call, ModelPrice price) {
        boolean ping = call.kind() == SideCall.Kind.PING;
        double cost = call.usage().map(price::cost).orElse(0.0);
        return new CallCache.SideCost(index, ping, cost, ping ? cost : call.usage().map(price::inputCost).orElse(0.0));
    }

    /**
     * Renders the strategy's window before each model call, and hands it over with the call's index. Following the
     * original's restarts, a call where it started its context anew starts a session whose task is that call's
     * first user input (for Claude Code, the compact summary). Before each render, {@code switched} tells the
     * strategy what the call's cache holds where it is not the last call's (once the clock has moved to the call).
     */
    private Session windows(Trajectory trajectory, ContextStrategy strategy, String systemPrompt,
            boolean followRestarts, CallClock clock, IntConsumer switched, BiConsumer<Integer, Window> each) {
        Session session = new Session(systemPrompt, trajectory.tools(), trajectory.task());
        for (int i = 0; i < trajectory.turns().size(); i++) {
            TrajectoryTurn turn = trajectory.turns().get(i);
            List<UserText> input = turn.userMessages();
            if (followRestarts && restarts(turn)) {
                session = new Session(systemPrompt, trajectory.tools(), input.get(0).text());
                input = input.subList(1, input.size());
            }
            input.forEach(session::append);
            clock.next(turn);
            clock.pings().forEach(strategy::cacheUsed);
            switched.accept(i);
            each.accept(i, strategy.render(session));
            append(session, turn);
        }
        return session;
    }

    /** Whether the original harness started its context anew before this call, from the call's first input. */
    private static boolean restarts(TrajectoryTurn turn) {
        return turn.contextRestart() && !turn.userMessages().isEmpty();
    }

    private long outputTokens(TrajectoryTurn turn) {
        return turn.usage().map(Usage::output).orElseGet(() -> (long) counter.count(turn.action()));
    }

    private void append(Session session, TrajectoryTurn turn) {
        session.append(turn.action());
        for (ToolResult result : turn.observations()) {
            session.append(result);
            ToolCall call = turn.action().toolCalls().stream()
                    .filter(c -> c.id().equals(result.callId()))
                    .findFirst()
                    .orElse(new ToolCall(result.callId(), result.toolName(), "{}"));
            session.updateState(rules.apply(session.state(), call, result));
        }
    }
}
