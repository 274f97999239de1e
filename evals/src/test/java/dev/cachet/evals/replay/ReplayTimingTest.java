package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.evals.replay.CacheMiss.Cause;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.NoPromptCache;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Pauses, keep-alive pings and the causes of cache misses, on three reads made at minutes 0, 1 and 11. */
class ReplayTimingTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";
    private static final ModelPrice PRICE = PriceTable.bundled().price(MODEL).orElseThrow();
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<Duration> OFFSETS = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(11));

    private static final PricedModel SONNET = new PricedModel(
            ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.FIVE_MINUTES), PRICE,
            counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.FIVE_MINUTES, PRICE));

    /**
     * Each read returns ~1,600 tokens, so the prefix passes Sonnet's 1,024-token minimum from the second call. The log
     * says each call wrote its whole prompt to the cache and read none of it.
     */
    private static Trajectory session() {
        return session(i -> new Usage(0, 2_000L * (i + 1), 0, 30, 0));
    }

    private static Trajectory session(IntFunction<Usage> billed) {
        List<TrajectoryTurn> turns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            turns.add(new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(1_600), false)),
                    Optional.of(billed.apply(i)), Optional.of(START.plus(OFFSETS.get(i))), false));
        }
        return new Trajectory("timed", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns);
    }

    /** The same reads in a log that does not say when each call was made, each writing its prompt whole. */
    private static Trajectory untimed() {
        List<TrajectoryTurn> turns = session().turns().stream().map(turn -> new TrajectoryTurn(turn.userMessages(),
                turn.action(), turn.observations(), turn.usage(), Optional.empty(), false)).toList();
        return new Trajectory("untimed", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns);
    }

    private static List<ConfiguredStrategy> transcript() {
        return AtDefaults.strategies("transcript");
    }

    /** Under the simulator's own cache: the log's second call read nothing, a provider miss the replay would meet. */
    private static ReplayRun replay(ReplayTiming timing) {
        return new CounterfactualReplay(COUNTER, trajectory -> SONNET, timing.withPerfectProviderCache())
                .replay(session(), transcript()).get(0);
    }

    @Test
    void calls_whose_log_gives_no_time_are_a_think_time_apart_in_the_bill_its_original_and_every_strategy() {
        List<ReplayRun> quick = new CounterfactualReplay(COUNTER, trajectory -> SONNET, ReplayTiming.RECORDED)
                .replay(untimed(), transcript());
        List<ReplayRun> slow = new CounterfactualReplay(COUNTER, trajectory -> SONNET,
                ReplayTiming.RECORDED.withThinkTime(Duration.ofMinutes(6))).replay(untimed(), transcript());

        // 20 s apart by default: nothing expires. Six minutes apart, past the 5-minute TTL, every later call is cold.
        for (ReplayRun run : List.of(quick.get(0), quick.get(1), quick.get(1).original().orElseThrow())) {
            assertThat(run.turns()).as(run.strategy()).extracting(ReplayTurn::cold).containsOnly(false);
        }
        for (ReplayRun run : List.of(slow.get(0), slow.get(1), slow.get(1).original().orElseThrow())) {
            assertThat(run.turns()).as(run.strategy()).extracting(ReplayTurn::cold).containsExactly(false, true, true);
        }
        assertThat(slow.get(1).turns().get(2).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.detail()).isEqualTo("TTL expired after 6 min idle"));
        assertThat(slow.get(1).original()).as("the think time is not a what-if: the transcript is the original")
                .containsSame(slow.get(0));
    }

    @Test
    void a_call_after_the_ttl_names_the_expiry_and_what_it_lost() {
        ReplayRun run = replay(ReplayTiming.RECORDED);

        ReplayTurn second = run.turns().get(1);
        ReplayTurn third = run.turns().get(2);
        assertThat(second.cache().miss()).isEmpty();
        CacheMiss miss = third.cache().miss().orElseThrow();
        assertThat(miss.cause()).isEqualTo(Cause.EXPIRED);
        assertThat(miss.detail()).isEqualTo("TTL expired after 10 min idle");
        // What the second call left cached (read and written) is what the third could not read.
        assertThat(miss.lostTokens()).isEqualTo(second.usage().cacheRead() + second.usage().cacheWrite());
    }

    @Test
    void the_recorded_bill_names_expiries_and_blames_the_provider_for_other_misses() {
        List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> SONNET).replay(session(), transcript());
        ReplayRun recorded = runs.get(1);

        // The log's calls read nothing of what they cached: after a minute that is the provider's miss, after ten the TTL's.
        assertThat(recorded.turns().get(1).cache().miss()).hasValueSatisfying(miss -> {
            assertThat(miss.cause()).isEqualTo(Cause.PROVIDER);
            assertThat(miss.lostTokens()).isEqualTo(2_000);
            assertThat(miss.detail()).startsWith("read less than was cached 60 s before");
        });
        assertThat(recorded.turns().get(2).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.EXPIRED));
    }

    @Test
    void a_recorded_call_after_one_that_cached_nothing_misses_below_the_minimum_where_writes_are_billed() {
        // Anthropic bills its writes: a first call that wrote nothing left nothing cached for the second to read.
        Trajectory shortFirst = session(i -> i == 0 ? new Usage(500, 0, 0, 30, 0)
                : new Usage(0, 2_000L * (i + 1), 0, 30, 0));
        // An automatic cache bills none: the first call's prompt was cached unbilled, and the second missed it.
        Trajectory automatic = session(i -> i < 2 ? new Usage(1_000L * (i + 1), 0, 0, 30, 0)
                : new Usage(1_000, 0, 2_000, 30, 0));

        CounterfactualReplay replay = new CounterfactualReplay(COUNTER, trajectory -> SONNET);
        ReplayRun billedWrites = replay.replay(shortFirst, transcript()).get(1);
        ReplayRun unbilledWrites = replay.replay(automatic, transcript()).get(1);

        assertThat(billedWrites.turns().get(1).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.BELOW_MINIMUM));
        assertThat(unbilledWrites.turns().get(1).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.PROVIDER));
    }

    @Test
    void a_recorded_write_for_an_hour_is_not_cold_after_ten_minutes_whatever_the_log_names() {
        // A cachet session under auto, or a Claude Code one: each usage says its writes were for an hour.
        Trajectory hourWrites = session(i -> new Usage(0, 2_000L * (i + 1), 0, 30, 0, 2_000L * (i + 1)));

        assertWarmAfterTenMinutes(new CounterfactualReplay(COUNTER, trajectory -> SONNET).replay(hourWrites, transcript()));
    }

    @Test
    void a_recorded_bill_keeps_its_providers_own_lifetime_whatever_lifetime_the_log_names() {
        // DeepSeek's cache keeps two hours, whatever --cache-ttl a cachet session logged.
        PricedModel deepSeek = new Providers(PriceTable.bundled()).recorded("deepseek-chat", ModelSpec.FIVE_MINUTES, SONNET);
        Trajectory plain = session();
        Trajectory logged = new Trajectory(plain.id(), "cachet", Optional.of("deepseek-chat"), "", plain.task(), List.of(),
                plain.turns(), Optional.of(ModelSpec.FIVE_MINUTES));

        assertWarmAfterTenMinutes(new CounterfactualReplay(COUNTER, trajectory -> deepSeek).replay(logged, transcript()));
    }

    @Test
    void an_openai_bill_that_read_after_ten_minutes_shows_no_expiry_where_the_model_keeps_prefixes_a_day() {
        // Each call read the prompt before it, the third after ten minutes' pause.
        Trajectory plain = session(i -> new Usage(2_000, 0, 1_900L * i, 30, 0));

        List<ReplayRun> extended = replayAs("gpt-5.5", plain);
        List<ReplayRun> inMemory = replayAs("gpt-4o", plain);

        // gpt-5.5 keeps prefixes up to a day: its bill and its original's replay read on after the pause.
        assertThat(extended.get(1).turns()).extracting(ReplayTurn::cold).containsOnly(false);
        ReplayRun original = extended.get(1).original().orElseThrow();
        assertThat(original.turns().get(2).cold()).isFalse();
        assertThat(original.turns().get(2).usage().cacheRead()).isPositive();
        // gpt-4o keeps them in memory for minutes: the same read is one its cache could not have served.
        assertThat(inMemory.get(1).turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
        assertThat(inMemory.get(1).original().orElseThrow().turns().get(2).usage().cacheRead()).isZero();
    }

    private static List<ReplayRun> replayAs(String model, Trajectory plain) {
        PricedModel priced = new Providers(PriceTable.bundled()).recorded(model, ModelSpec.FIVE_MINUTES, SONNET);
        Trajectory logged = new Trajectory(plain.id(), "codex", Optional.of(model), "", plain.task(), List.of(),
                plain.turns());
        return new CounterfactualReplay(COUNTER, trajectory -> priced).replay(logged, transcript());
    }

    /** The bill's third call, ten minutes after the second, found the cache warm: reading none of it is a provider miss. */
    private static void assertWarmAfterTenMinutes(List<ReplayRun> runs) {
        ReplayRun recorded = runs.get(1);
        assertThat(recorded.turns()).extracting(ReplayTurn::cold).containsOnly(false);
        assertThat(recorded.turns().get(2).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.PROVIDER));
    }

    @Test
    void without_a_prompt_cache_no_call_misses_it() {
        PricedModel uncached = new PricedModel(SONNET.spec(), PRICE, counter -> new NoPromptCache());
        Trajectory neverCached = session(i -> new Usage(2_000L * (i + 1), 0, 0, 30, 0));

        List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> uncached).replay(neverCached, transcript());

        assertThat(runs).extracting(ReplayRun::strategy).containsExactly("transcript", CounterfactualReplay.RECORDED);
        assertThat(runs).allSatisfy(run -> assertThat(run.turns()).allSatisfy(turn -> {
            assertThat(turn.cache().miss()).isEmpty();
            assertThat(turn.cold()).isFalse();
        }));
    }

    @Test
    void a_pause_moves_every_later_call_and_expires_the_cache_before_it() {
        ReplayRun run = replay(new ReplayTiming(Map.of(2, Duration.ofMinutes(6)), 0));

        // The second call now comes 7 minutes after the first, the third still 10 after the second.
        assertThat(run.turns()).extracting(ReplayTurn::cold).containsExactly(false, true, true);
        assertThat(run.turns().get(1).usage().cacheRead()).isZero();
    }

    @Test
    void two_pings_bridge_the_ten_minute_pause_and_cost_less_than_the_rewrite_they_save() {
        ReplayRun plain = replay(ReplayTiming.RECORDED);
        ReplayRun pinged = replay(new ReplayTiming(Map.of(), 2));

        ReplayTurn third = pinged.turns().get(2);
        assertThat(third.cold()).isFalse();
        assertThat(third.cache().pings()).isEqualTo(2);
        // Each ping re-sends the second request for one output token: all it had cached is read, its tail uncached.
        Usage second = pinged.turns().get(1).usage();
        Usage ping = new Usage(second.uncachedInput(), 0, second.cacheRead() + second.cacheWrite(), 1, 0);
        assertThat(third.cache().pingCostUsd()).isCloseTo(2 * PRICE.cost(ping), within(1e-12));
        assertThat(third.usage().cacheRead()).isEqualTo(second.cacheRead() + second.cacheWrite());
        // Rent or buy: two reads of the prefix at 0.1 against writing it again at 1.25.
        assertThat(pinged.costUsd()).isLessThan(plain.costUsd());
        assertThat(plain.turns().get(2).costUsd() - third.costUsd()).isGreaterThan(third.cache().pingCostUsd());
    }

    @Test
    void the_strategy_hears_of_each_ping_before_the_call_after_it() {
        Listening listening = new Listening();

        new CounterfactualReplay(COUNTER, trajectory -> SONNET, new ReplayTiming(Map.of(), 2).withPerfectProviderCache())
                .replay(session(), List.of(listening.strategy()));

        // The last render is the session resumed after its cache expired, for the restart cost.
        assertThat(listening.heard("render", "ping")).containsExactly("render at 2026-12-01T10:00:00Z",
                "render at 2026-12-01T10:01:00Z", "ping at 2026-12-01T10:05:30Z", "ping at 2026-12-01T10:10:00Z",
                "render at 2026-12-01T10:11:00Z", "render at 2026-12-01T10:16:01Z");
    }

    @Test
    void the_strategy_hears_how_long_each_call_left_its_prefix_cached_and_at_what_write_price() {
        PricedModel deepSeek = new Providers(PriceTable.bundled()).recorded("deepseek-chat", ModelSpec.FIVE_MINUTES, SONNET);
        Listening kept = new Listening();
        Listening hour = new Listening();

        new CounterfactualReplay(COUNTER, trajectory -> deepSeek).replay(session(), List.of(kept.strategy()));
        new CounterfactualReplay(COUNTER, trajectory -> oneHour()).replay(session(), List.of(hour.strategy()));

        // DeepSeek keeps a prefix for hours whatever a request asks, and bills its writes as input.
        assertThat(kept.heard("lifetime")).containsExactly("lifetime PT2H at write 1.0", "lifetime PT2H at write 1.0",
                "lifetime PT2H at write 1.0");
        assertThat(hour.heard("lifetime")).containsOnly("lifetime PT1H at write 2.0").hasSize(3);
    }

    private static PricedModel oneHour() {
        return new PricedModel(ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.ONE_HOUR),
                PRICE, counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.ONE_HOUR, PRICE));
    }

    @Test
    void one_ping_cannot_bridge_it_and_is_money_lost() {
        ReplayRun plain = replay(ReplayTiming.RECORDED);
        ReplayRun pinged = replay(new ReplayTiming(Map.of(), 1));

        // The one ping at 5:30 leaves 5:30 idle before the call at 11:00: the cache expires all the same.
        assertThat(pinged.turns().get(2).cold()).isTrue();
        assertThat(pinged.costUsd()).isCloseTo(plain.costUsd() + pinged.turns().get(2).cache().pingCostUsd(), within(1e-12));
        assertThat(pinged.turns().get(2).cache().pingCostUsd()).isPositive();
    }

    @Test
    void an_hour_cache_outlives_the_ten_minute_pause_so_no_ping_is_sent() {
        PricedModel hour = new PricedModel(
                ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.ONE_HOUR), PRICE,
                counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.ONE_HOUR, PRICE));

        ReplayTiming pinged = new ReplayTiming(Map.of(), 2).withPerfectProviderCache();
        ReplayRun run = new CounterfactualReplay(COUNTER, trajectory -> hour, pinged)
                .replay(session(), transcript()).get(0);

        assertThat(run.turns()).extracting(turn -> turn.cache().pings()).containsOnly(0);
        assertThat(run.turns()).extracting(ReplayTurn::cold).containsOnly(false);
    }

    @Test
    void pauses_and_pings_leave_the_fidelity_check_at_the_recorded_times() {
        List<ReplayRun> recorded = new CounterfactualReplay(COUNTER, trajectory -> SONNET).replay(session(), transcript());
        List<ReplayRun> paused = new CounterfactualReplay(COUNTER, trajectory -> SONNET,
                new ReplayTiming(Map.of(2, Duration.ofMinutes(6)), 2)).replay(session(), transcript());

        assertThat(paused.get(0).coldCalls()).isNotEqualTo(recorded.get(0).coldCalls());
        assertThat(paused.get(1).original()).get().isNotSameAs(paused.get(0));
        assertThat(Fidelity.perTrace(paused)).isEqualTo(Fidelity.perTrace(recorded));
    }

    @Test
    void a_pause_needs_a_call_from_one_and_a_length_of_zero_or_more() {
        assertThatThrownBy(() -> new ReplayTiming(Map.of(0, Duration.ofMinutes(1)), 0))
                .hasMessageContaining("got 0=PT1M");
        assertThatThrownBy(() -> new ReplayTiming(Map.of(), -1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> ReplayTiming.RECORDED.withThinkTime(Duration.ofSeconds(-1)))
                .hasMessageContaining("think time must be 0 or more");
    }
}
