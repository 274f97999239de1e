package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.evals.replay.CacheMiss.Cause;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A recorded session whose provider read nothing at its third call, a minute after the second had cached its whole
 * prompt: no TTL, compaction or prefix change explains it, so every strategy meets it at the same call.
 */
class ProviderMissesTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final ModelPrice PRICE = PriceTable.bundled().price(MODEL).orElseThrow();
    private static final PricedModel SONNET = new PricedModel(
            ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.FIVE_MINUTES), PRICE,
            counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.FIVE_MINUTES, PRICE));
    private static final int MISSED = 2;

    /** Each call adds ~2,000 tokens; the log says each read what the call before it held, but the third read none. */
    private static Trajectory session() {
        return session(new Usage(0, 2_000, 0, 30, 0));
    }

    private static Trajectory session(Usage first) {
        return session(first, false);
    }

    /** With {@code compacted}, the original harness started its context anew at the missed call, from a summary. */
    private static Trajectory session(Usage first, boolean compacted) {
        return session(first, compacted, true);
    }

    /** Without {@code summarized}, the log holds no text of the restart (Codex's encrypted summary alone). */
    private static Trajectory session(Usage first, boolean compacted, boolean summarized) {
        List<TrajectoryTurn> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            long held = 2_000L * i;
            Usage billed = i == 0 ? first
                    : i == MISSED ? new Usage(0, 2_000L * (i + 1), 0, 30, 0) : new Usage(0, 2_000, held, 30, 0);
            boolean restart = compacted && i == MISSED;
            turns.add(new TrajectoryTurn(restart && summarized ? List.of(new UserText("Summary: parts 0 and 1 read."))
                    : List.of(),
                    AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(1_600), false)),
                    Optional.of(billed), Optional.of(START.plus(Duration.ofMinutes(i))), restart));
        }
        return new Trajectory("missed", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns);
    }

    private static List<ReplayRun> replay(ReplayTiming timing, String... strategies) {
        return new CounterfactualReplay(COUNTER, trajectory -> SONNET, timing)
                .replay(session(), AtDefaults.strategies(strategies));
    }

    @Test
    void the_transcript_meets_the_providers_miss_where_the_recorded_bill_did_and_follows_the_bill() {
        List<ReplayRun> met = replay(ReplayTiming.RECORDED, "transcript");
        List<ReplayRun> perfect = replay(ReplayTiming.RECORDED.withPerfectProviderCache(), "transcript");

        ReplayTurn missed = met.get(0).turns().get(MISSED);
        ReplayTurn ideal = perfect.get(0).turns().get(MISSED);
        assertThat(ideal.usage().cacheRead()).isPositive();
        assertThat(ideal.cache().miss()).isEmpty();
        // Served nothing from the cache, the breakpoint writes again all the perfect cache would have read.
        assertThat(missed.usage().cacheRead()).isZero();
        assertThat(missed.usage().cacheWrite()).isEqualTo(ideal.usage().cacheWrite() + ideal.usage().cacheRead());
        assertThat(missed.cache().miss()).hasValueSatisfying(miss -> {
            assertThat(miss.cause()).isEqualTo(Cause.PROVIDER);
            assertThat(miss.lostTokens()).isEqualTo(ideal.usage().cacheRead());
            assertThat(miss.detail()).isEqualTo("the recorded session's provider served 0 tokens from its cache here");
        });
        // The next call reads what the missed one wrote, as the recorded one did.
        assertThat(met.get(0).turns().get(MISSED + 1).usage().cacheRead()).isPositive();

        double recorded = met.get(1).costUsd();
        assertThat(Math.abs(met.get(0).costUsd() - recorded)).isLessThan(Math.abs(perfect.get(0).costUsd() - recorded));
    }

    @Test
    void every_strategy_meets_the_miss_at_the_same_call() {
        List<ReplayRun> runs = replay(ReplayTiming.RECORDED, "transcript", "summary", "hybrid");

        assertThat(runs).extracting(ReplayRun::strategy)
                .containsExactly("transcript", "summary", "hybrid", CounterfactualReplay.RECORDED);
        assertThat(runs).allSatisfy(run -> assertThat(run.turns().get(MISSED).usage().cacheRead()).isZero());
    }

    @Test
    void a_miss_where_the_original_harness_compacted_is_its_compaction_which_only_the_transcript_follows() {
        List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> SONNET, ReplayTiming.RECORDED)
                .replay(session(new Usage(0, 2_000, 0, 30, 0), true), AtDefaults.strategies("transcript", "hybrid"));

        ReplayTurn recorded = runs.get(2).turns().get(MISSED);
        assertThat(recorded.cache().miss()).hasValueSatisfying(miss -> {
            assertThat(miss.cause()).isEqualTo(Cause.COMPACTION);
            assertThat(miss.detail()).isEqualTo("the original harness compacted its context here");
        });
        assertThat(runs.get(0).turns().get(MISSED).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.COMPACTION));
        // Hybrid did not compact there: nothing the provider did takes its cache away.
        assertThat(runs.get(1).turns().get(MISSED).usage().cacheRead()).isPositive();
        assertThat(runs.get(1).turns().get(MISSED).cache().miss()).isEmpty();
    }

    @Test
    void a_restart_whose_text_the_log_does_not_hold_is_met_as_the_providers_miss_which_the_transcript_cannot_follow() {
        List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> SONNET, ReplayTiming.RECORDED)
                .replay(session(new Usage(0, 2_000, 0, 30, 0), true, false), AtDefaults.strategies("transcript"));

        assertThat(runs.get(1).turns().get(MISSED).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.PROVIDER));
        assertThat(runs.get(0).turns().get(MISSED).usage().cacheRead()).isZero();
        assertThat(Fidelity.perTrace(runs).get(0).costError()).isCloseTo(0.0, within(0.01));
    }

    @Test
    void each_strategy_is_told_what_share_of_the_read_it_was_promised_the_provider_served() {
        Listening listening = new Listening();

        new CounterfactualReplay(COUNTER, trajectory -> SONNET, ReplayTiming.RECORDED)
                .replay(session(), List.of(listening.strategy()));

        // The first call had nothing cached to read; the third, the miss, was served none of what the second wrote.
        assertThat(listening.heard("served")).containsExactly("served 1.0", "served 0.0", "served 1.0");
    }

    @Test
    void a_session_that_started_warm_reads_at_its_first_call_what_its_bill_says_it_read() {
        // A subagent whose parent had cached part of the prompt: 1,500 of its 2,000 tokens.
        Trajectory warm = session(new Usage(0, 500, 1_500, 30, 0));

        for (ReplayTiming timing : List.of(ReplayTiming.RECORDED, ReplayTiming.RECORDED.withPerfectProviderCache())) {
            List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> SONNET, timing)
                    .replay(warm, AtDefaults.strategies("transcript", "hybrid"));

            assertThat(runs).allSatisfy(run -> {
                assertThat(run.turns().get(0).usage().cacheRead()).as(run.strategy()).isEqualTo(1_500);
                assertThat(run.turns().get(0).cache().miss()).isEmpty();
            });
        }
    }

    @Test
    void a_session_whose_first_prompt_an_earlier_run_had_cached_reads_it_beyond_its_system_prompt_and_task() {
        // The same task run before: 1,900 of the first call's 2,000 tokens were cached, most of them its instructions.
        Trajectory once = session(new Usage(0, 100, 1_900, 30, 0));
        List<TrajectoryTurn> turns = new ArrayList<>(once.turns());
        TrajectoryTurn first = turns.get(0);
        turns.set(0, new TrajectoryTurn(List.of(new UserText("Instructions: " + "step ".repeat(1_500))),
                first.action(), first.observations(), first.usage(), first.at(), false));
        Trajectory rerun = new Trajectory("rerun", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns);

        List<ReplayRun> runs = new CounterfactualReplay(COUNTER, trajectory -> SONNET, ReplayTiming.RECORDED)
                .replay(rerun, AtDefaults.strategies("transcript", "hybrid"));

        assertThat(runs).allSatisfy(run ->
                assertThat(run.turns().get(0).usage().cacheRead()).as(run.strategy()).isEqualTo(1_900));
    }

    @Test
    void a_perfect_provider_cache_leaves_the_recorded_bill_as_it_was() {
        List<ReplayRun> met = replay(ReplayTiming.RECORDED, "transcript");
        List<ReplayRun> perfect = replay(ReplayTiming.RECORDED.withPerfectProviderCache(), "transcript");

        assertThat(perfect.get(1).turns()).extracting(ReplayTurn::usage)
                .containsExactlyElementsOf(met.get(1).turns().stream().map(ReplayTurn::usage).toList());
        assertThat(perfect.get(1).turns().get(MISSED).cache().miss()).hasValueSatisfying(miss ->
                assertThat(miss.cause()).isEqualTo(Cause.PROVIDER));
        // Its original is replayed apart, meeting the provider's misses as it did: the fidelity check stays too.
        assertThat(perfect.get(1).original()).get().isNotSameAs(perfect.get(0));
        assertThat(met.get(1).original()).containsSame(met.get(0));
        assertThat(Fidelity.perTrace(perfect)).isEqualTo(Fidelity.perTrace(met));
        assertThat(perfect.get(0).costUsd()).isLessThan(met.get(0).costUsd());
    }
}
