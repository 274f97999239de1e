package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The strategies are billed at the lifetime the user chose (a what-if over the log's own, cachet's auto by default);
 * the recorded bill stays what was paid, and the original harness is replayed for the fidelity check at the lifetime
 * its log shows (Claude Code's hour-long writes), else 5 minutes.
 */
class TraceBillingTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Providers PROVIDERS = new Providers(PriceTable.bundled());
    private static final PricedModel CHOSEN = chosen(ModelSpec.FIVE_MINUTES);

    private static PricedModel chosen(CacheLifetime lifetime) {
        return PROVIDERS.priced(ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), lifetime));
    }

    /** Three reads at minutes 0, 1 and 11, each billed as written to the hour cache and read back after. */
    private static Trajectory hourLongSession() {
        return session(true);
    }

    /** The same reads at minutes 0, 1 and 11, written to the hour cache or, as a log that shows no lifetime, to 5 minutes'. */
    private static Trajectory session(boolean hourLong) {
        List<TrajectoryTurn> turns = new ArrayList<>();
        long[] minutes = {0, 1, 11};
        for (int i = 0; i < 3; i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            long written = 2_000;
            long read = 2_000L * i;
            turns.add(new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(1_600), false)),
                    Optional.of(new Usage(0, written, read, 30, 0, hourLong ? written : 0)),
                    Optional.of(START.plusSeconds(60 * minutes[i])), false));
        }
        return new Trajectory("hour", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns,
                hourLong ? Optional.of(ModelSpec.ONE_HOUR) : Optional.empty());
    }

    private static List<ReplayRun> replay(TraceBilling billing) {
        return replay(billing, hourLongSession());
    }

    private static List<ReplayRun> replay(TraceBilling billing, Trajectory trajectory) {
        return new CounterfactualReplay(COUNTER, billing).replay(trajectory, AtDefaults.strategies("transcript"));
    }

    /** Calls ten seconds apart, each by its model with its usage. */
    private static Trajectory switching(List<String> models, List<Usage> billed) {
        return switching(models, billed, IntStream.range(0, models.size()).mapToLong(i -> 10L * i).toArray());
    }

    /** Calls at {@code seconds} from the start, each by its model with its usage. */
    private static Trajectory switching(List<String> models, List<Usage> billed, long... seconds) {
        List<TrajectoryTurn> turns = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            turns.add(new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(1_600), false)),
                    Optional.of(billed.get(i)), Optional.of(START.plusSeconds(seconds[i])), false,
                    Optional.of(models.get(i)), TrajectoryTurn.MAIN, Optional.empty()));
        }
        return new Trajectory("switch", "test", Optional.of(models.get(0)), "", "Read the parts.", List.of(), turns);
    }

    @Test
    void a_session_that_switches_models_bills_each_call_at_its_own_and_the_new_model_starts_cold() {
        // Two Sonnet calls, then an Opus one (/model, opusplan, a fall back): each model caches apart, so Opus wrote
        // the whole prompt afresh.
        String opus = "claude-opus-4-6";
        List<Usage> billed = List.of(new Usage(0, 2_000, 0, 30, 0), new Usage(0, 2_000, 2_000, 30, 0),
                new Usage(0, 6_000, 0, 30, 0));
        Trajectory switching = switching(List.of(MODEL, MODEL, opus), billed);

        List<ReplayRun> runs = replay(new TraceBilling(PROVIDERS, CHOSEN), switching);
        ReplayRun transcript = runs.get(0);
        ReplayRun recorded = runs.get(1);

        ModelPrice sonnetPrice = PriceTable.bundled().price(MODEL).orElseThrow();
        ModelPrice opusPrice = PriceTable.bundled().price(opus).orElseThrow();
        assertThat(recorded.turns().get(1).costUsd()).isCloseTo(sonnetPrice.cost(billed.get(1)), within(1e-12));
        assertThat(recorded.turns().get(2).costUsd()).isCloseTo(opusPrice.cost(billed.get(2)), within(1e-12));
        // The replay reads Sonnet's cache at the second call and finds Opus's empty at the third, at Opus's prices.
        assertThat(transcript.turns().get(1).usage().cacheRead()).isPositive();
        ReplayTurn third = transcript.turns().get(2);
        assertThat(third.usage().cacheRead()).isZero();
        assertThat(third.costUsd()).isCloseTo(opusPrice.cost(third.usage()), within(1e-12));
        assertThat(recorded.original().orElseThrow().turns().get(2).usage().cacheRead()).isZero();
        // The miss is the switch's, in the bill and in the replay alike: no provider miss is made of it.
        for (ReplayRun run : List.of(recorded, transcript)) {
            assertThat(run.turns().get(2).cache().miss()).as(run.strategy()).hasValueSatisfying(miss -> {
                assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.MODEL_SWITCH);
                assertThat(miss.detail()).isEqualTo("switched from " + MODEL + " to " + opus + ", which caches apart");
            });
        }
        // Without the provider's misses imposed, the switch alone leaves the third call nothing to read.
        ReplayRun perfect = new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN),
                ReplayTiming.RECORDED.withPerfectProviderCache()).replay(switching, AtDefaults.strategies("transcript"))
                .get(0);
        assertThat(perfect.turns().get(1).usage().cacheRead()).isPositive();
        assertThat(perfect.turns().get(2).usage().cacheRead()).isZero();
    }

    @Test
    void a_call_back_to_an_earlier_model_that_read_less_than_that_model_held_is_the_providers_miss() {
        // Sonnet, Opus, then Sonnet again ten seconds later, which read none of what Sonnet had cached.
        List<ReplayRun> runs = replay(new TraceBilling(PROVIDERS, CHOSEN), switching(
                List.of(MODEL, "claude-opus-4-6", MODEL), List.of(new Usage(0, 2_000, 0, 30, 0),
                        new Usage(0, 4_000, 0, 30, 0), new Usage(0, 6_000, 0, 30, 0))));
        ReplayRun recorded = runs.get(1);

        assertThat(recorded.turns().get(1).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.MODEL_SWITCH));
        assertThat(recorded.turns().get(2).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.PROVIDER));
        // So the replays meet it: Sonnet's own cache would have served what its first call wrote.
        assertThat(recorded.original().orElseThrow().turns().get(2).usage().cacheRead()).isZero();
        assertThat(runs.get(0).turns().get(2).usage().cacheRead()).isZero();
    }

    @Test
    void a_call_back_to_a_model_idle_past_its_lifetime_is_cold_though_the_other_model_was_used_just_before() {
        // Sonnet at 0 and 10 s, Opus at 200 and 380 s, Sonnet at 400 s: 6.5 minutes after Sonnet's last call, 20 s
        // after Opus's. Sonnet's 5-minute cache had expired, and the call wrote everything again.
        String opus = "claude-opus-4-6";
        List<ReplayRun> runs = replay(new TraceBilling(PROVIDERS, CHOSEN), switching(
                List.of(MODEL, MODEL, opus, opus, MODEL), List.of(new Usage(0, 2_000, 0, 30, 0),
                        new Usage(0, 2_000, 2_000, 30, 0), new Usage(0, 6_000, 0, 30, 0),
                        new Usage(0, 2_000, 6_000, 30, 0), new Usage(0, 10_000, 0, 30, 0)), 0, 10, 200, 380, 400));
        ReplayRun recorded = runs.get(1);

        for (ReplayRun run : List.of(runs.get(0), recorded, recorded.original().orElseThrow())) {
            assertThat(run.turns()).as(run.strategy()).extracting(ReplayTurn::cold)
                    .containsExactly(false, false, false, false, true);
        }
        for (ReplayRun run : List.of(runs.get(0), recorded)) {
            assertThat(run.turns().get(4).cache().miss()).as(run.strategy()).hasValueSatisfying(miss -> {
                assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.EXPIRED);
                assertThat(miss.detail()).isEqualTo("TTL expired after 6 min idle");
            });
        }
    }

    @Test
    void a_strategy_hears_its_cache_is_empty_before_the_first_call_to_a_model_and_a_call_back_after_its_ttl_and_what_it_holds_within() {
        // Sonnet at 0 and 10 s, Opus at 200 and 380 s, Sonnet at 400 s (past its 5 minutes) and 420 s.
        List<Usage> billed = List.of(new Usage(0, 2_000, 0, 30, 0), new Usage(0, 2_000, 2_000, 30, 0),
                new Usage(0, 6_000, 0, 30, 0), new Usage(0, 2_000, 6_000, 30, 0), new Usage(0, 10_000, 0, 30, 0),
                new Usage(0, 2_000, 10_000, 30, 0));
        String opus = "claude-opus-4-6";
        Listening listening = new Listening();
        new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN)).replay(switching(
                List.of(MODEL, MODEL, opus, opus, MODEL, MODEL), billed, 0, 10, 200, 380, 400, 420),
                List.of(listening.strategy()));

        // The last render is the restart's, after the session.
        assertThat(listening.heard("render", "emptied")).extracting(line -> line.split(" ")[0]).containsExactly(
                "render", "render", "emptied", "render", "render", "emptied", "render", "render", "render");
        // Back to Sonnet within its 5 minutes: its cache still holds what it wrote, Sonnet's window, not Opus's.
        Listening soon = new Listening();
        List<ReplayRun> soonRuns = new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN)).replay(
                switching(List.of(MODEL, opus, MODEL), billed.subList(0, 3), 0, 10, 20), List.of(soon.strategy()));
        List<ReplayTurn> listened = soonRuns.stream().filter(run -> run.strategy().equals("listening")).findFirst()
                .orElseThrow().turns();
        assertThat(soon.heard("emptied", "holds")).containsExactly("emptied", "holds " + listened.get(0).windowTokens());
        assertThat(listened.get(1).windowTokens()).isNotEqualTo(listened.get(0).windowTokens());
    }

    @Test
    void a_call_to_another_model_is_rendered_knowing_that_models_cache_rates() {
        // Sonnet 4.5 bills prompts past 200K tokens at its long-context tier; Opus 4.6 has none.
        String sonnet45 = "claude-sonnet-4-5";
        List<Usage> billed = List.of(new Usage(0, 2_000, 0, 30, 0), new Usage(0, 2_000, 2_000, 30, 0),
                new Usage(0, 6_000, 0, 30, 0), new Usage(0, 2_000, 6_000, 30, 0));
        Listening listening = new Listening();
        new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN)).replay(switching(
                List.of(sonnet45, sonnet45, "claude-opus-4-6", sonnet45), billed, 0, 10, 20, 30),
                List.of(listening.strategy()));

        List<String> heard = listening.heard("render", "lifetime").stream()
                .map(line -> line.startsWith("render") ? "render" : line).toList();
        // Before each render the strategy knows the rates of the model the call goes to.
        assertThat(heard.subList(0, 8)).containsExactly("render", "lifetime PT5M at write 1.25 above 200000",
                "render", "lifetime PT5M at write 1.25 above 200000", "lifetime PT5M at write 1.25", "render",
                "lifetime PT5M at write 1.25", "lifetime PT5M at write 1.25 above 200000");
    }

    @Test
    void the_bill_keeps_each_models_cache_for_as_long_as_that_model_paid_for() {
        // Sonnet writes for an hour, Opus for 5 minutes, and Sonnet is back 30 minutes later, reading its hour's write.
        Usage hourWrite = new Usage(0, 2_000, 0, 30, 0, 2_000);
        List<ReplayRun> runs = replay(new TraceBilling(PROVIDERS, CHOSEN), switching(
                List.of(MODEL, "claude-opus-4-6", MODEL), List.of(hourWrite, new Usage(0, 4_000, 0, 30, 0),
                        new Usage(0, 2_000, 2_000, 30, 0)), 0, 10, 1_800));

        assertThat(runs.get(1).turns()).extracting(ReplayTurn::cold).containsOnly(false);
        assertThat(runs.get(1).turns().get(2).cache().miss()).isEmpty();
    }

    @Test
    void the_first_call_to_a_model_finds_its_cache_empty_not_expired_however_long_the_pause_before_it() {
        // Sonnet at 0 and 10 s, then Opus ten minutes later: Sonnet's cache expired, but Opus's never held anything.
        List<ReplayRun> runs = replay(new TraceBilling(PROVIDERS, CHOSEN), switching(
                List.of(MODEL, MODEL, "claude-opus-4-6"), List.of(new Usage(0, 2_000, 0, 30, 0),
                        new Usage(0, 2_000, 2_000, 30, 0), new Usage(0, 6_000, 0, 30, 0)), 0, 10, 610));

        for (ReplayRun run : List.of(runs.get(0), runs.get(1))) {
            assertThat(run.turns()).as(run.strategy()).extracting(ReplayTurn::cold).containsOnly(false);
            assertThat(run.turns().get(2).cache().miss()).as(run.strategy()).hasValueSatisfying(miss ->
                    assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.MODEL_SWITCH));
        }
    }

    @Test
    void keep_alive_pings_keep_the_last_calls_model_warm_not_the_model_called_before_it() {
        // Sonnet, Opus 10 s later, then Sonnet after ten minutes of pings: each ping re-sends the last request, Opus's.
        Trajectory switching = switching(List.of(MODEL, "claude-opus-4-6", MODEL), List.of(
                new Usage(0, 2_000, 0, 30, 0), new Usage(0, 4_000, 0, 30, 0), new Usage(0, 6_000, 0, 30, 0)),
                0, 10, 610);
        ReplayRun pinged = new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN),
                new ReplayTiming(Map.of(), 3).withPerfectProviderCache())
                .replay(switching, AtDefaults.strategies("transcript")).get(0);

        ReplayTurn third = pinged.turns().get(2);
        assertThat(third.cache().pings()).isEqualTo(2);
        assertThat(third.cold()).isTrue();
        assertThat(third.usage().cacheRead()).isZero();
        assertThat(third.cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(CacheMiss.Cause.EXPIRED));
    }

    @Test
    void the_strategies_are_billed_at_the_chosen_lifetime_and_the_original_at_the_one_its_log_shows() {
        TraceBilling auto = new TraceBilling(PROVIDERS, chosen(CacheLifetime.AUTO));

        assertThat(auto.apply(hourLongSession()).spec().cacheTtl()).isEqualTo(CacheLifetime.AUTO);
        assertThat(auto.asLogged(hourLongSession()).spec().cacheTtl()).isEqualTo(ModelSpec.ONE_HOUR);
        // A log that shows no lifetime was written for what a breakpoint without a TTL buys.
        assertThat(auto.asLogged(session(false)).spec().cacheTtl()).isEqualTo(ModelSpec.FIVE_MINUTES);
        assertThat(auto.asLogged(session(false)).spec().name()).isEqualTo(MODEL);
        // cachet's own log names the lifetime it ran with, auto too: its original is replayed choosing as it chose.
        Trajectory cachetAuto = session(false);
        cachetAuto = new Trajectory(cachetAuto.id(), "cachet", cachetAuto.model(), "", cachetAuto.task(), List.of(),
                cachetAuto.turns(), Optional.of(CacheLifetime.AUTO));
        assertThat(new TraceBilling(PROVIDERS, CHOSEN).asLogged(cachetAuto).spec().cacheTtl())
                .isEqualTo(CacheLifetime.AUTO);
    }

    @Test
    void a_what_if_lifetime_bills_the_strategies_at_it_and_leaves_the_bill_and_its_fidelity_as_they_were() {
        List<ReplayRun> hour = replay(new TraceBilling(PROVIDERS, chosen(ModelSpec.ONE_HOUR)));
        List<ReplayRun> whatIf = replay(new TraceBilling(PROVIDERS, CHOSEN));

        // The ten minutes before the third call outlive a five-minute cache, not the hour's.
        assertThat(whatIf.get(0).turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
        assertThat(hour.get(0).turns()).extracting(ReplayTurn::cold).containsOnly(false);
        // Until then each write costs 1.25x input instead of 2x.
        assertThat(whatIf.get(0).turns().get(1).costUsd()).isLessThan(hour.get(0).turns().get(1).costUsd());
        ReplayRun recorded = whatIf.get(1);
        assertThat(recorded.strategy()).isEqualTo(CounterfactualReplay.RECORDED);
        assertThat(recorded.costUsd()).isCloseTo(hour.get(1).costUsd(), within(1e-12));
        assertThat(recorded.turns()).extracting(ReplayTurn::cold).containsOnly(false);
        // The original harness is replayed at the hour it paid for, whatever the strategies are billed at.
        assertThat(recorded.original().orElseThrow().turns()).extracting(ReplayTurn::cold).containsOnly(false);
        assertThat(recorded.original().orElseThrow().costUsd()).isCloseTo(hour.get(0).costUsd(), within(1e-12));
        assertThat(Fidelity.perTrace(whatIf)).isEqualTo(Fidelity.perTrace(hour));
    }

    @Test
    void a_replay_at_the_logs_own_lifetime_checks_its_strategies_transcript_against_the_bill() {
        List<ReplayRun> hour = replay(new TraceBilling(PROVIDERS, chosen(ModelSpec.ONE_HOUR)));

        assertThat(hour.get(1).original()).containsSame(hour.get(0));
    }

    @Test
    void a_replay_against_the_bill_alone_leaves_out_the_originals_replay_and_changes_no_cost() {
        CounterfactualReplay replay = new CounterfactualReplay(COUNTER, new TraceBilling(PROVIDERS, CHOSEN));
        List<ReplayRun> full = replay.replay(hourLongSession(), AtDefaults.strategies("transcript"));
        List<ReplayRun> againstBill = replay.againstBill(hourLongSession(), AtDefaults.strategies("transcript"));

        assertThat(full.get(1).original()).isPresent();
        assertThat(againstBill.get(1).original()).isEmpty();
        assertThat(againstBill).extracting(ReplayRun::strategy).containsExactly("transcript", CounterfactualReplay.RECORDED);
        assertThat(againstBill).extracting(ReplayRun::costUsd).containsExactlyElementsOf(
                full.stream().map(ReplayRun::costUsd).toList());
    }

    @Test
    void a_named_hour_leaves_the_bill_of_a_log_that_wrote_for_five_minutes_as_paid() {
        Trajectory fiveMinuteLog = session(false);
        List<ReplayRun> asLogged = replay(new TraceBilling(PROVIDERS, CHOSEN), fiveMinuteLog);
        List<ReplayRun> hour = replay(new TraceBilling(PROVIDERS, chosen(ModelSpec.ONE_HOUR)), fiveMinuteLog);

        // Its writes were 5-minute ones, billed at 1.25x input: 6,000 tokens at $3.75 per million.
        assertThat(asLogged.get(1).turns().stream().mapToDouble(turn -> turn.usage().cacheWrite()).sum()).isEqualTo(6_000);
        assertThat(hour.get(1).costUsd()).isCloseTo(asLogged.get(1).costUsd(), within(1e-12));
        // The strategies do replay at the hour: the ten minutes before the third call leave its cache warm.
        assertThat(hour.get(0).turns()).extracting(ReplayTurn::cold).containsOnly(false);
        assertThat(asLogged.get(0).turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
        // Its original ran at 5 minutes, as the strategies of the replay at 5 minutes did.
        assertThat(hour.get(1).original().orElseThrow().turns()).extracting(ReplayTurn::cold)
                .containsExactly(false, false, true);
    }
}
