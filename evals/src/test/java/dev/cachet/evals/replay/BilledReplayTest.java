package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.evals.trace.SideCall;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A hand-made session whose bill is known: 5,000 unseen tokens before every window, the rest as o200k counts it. */
class BilledReplayTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";
    private static final long UNSEEN = 5_000;
    private static final ModelPrice PRICE = PriceTable.bundled().price(MODEL).orElseThrow();
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final CounterfactualReplay replay = new CounterfactualReplay(COUNTER, trajectory -> new PricedModel(
            ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.FIVE_MINUTES), PRICE,
            counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.FIVE_MINUTES, PRICE)));

    /** Three reads of a long file, the third ten minutes after the second: past the 5-minute TTL. */
    private static Trajectory session(boolean withUsage) {
        List<TrajectoryTurn> unbilled = reads(List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(11)));
        Trajectory plain = new Trajectory("billed", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), unbilled);
        if (!withUsage) {
            return plain;
        }
        // Billed as the original harness would have been: the rebuilt transcript window plus the unseen prefix.
        List<Long> windows = transcriptWindows(plain);
        List<TrajectoryTurn> billed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrajectoryTurn turn = unbilled.get(i);
            billed.add(new TrajectoryTurn(turn.userMessages(), turn.action(), turn.observations(),
                    Optional.of(new Usage(UNSEEN + windows.get(i), 0, 0, 30, 0)), turn.at(), false));
        }
        return new Trajectory("billed", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), billed);
    }

    /** A read of a part of a long file at each offset from the start. */
    private static List<TrajectoryTurn> reads(List<Duration> offsets) {
        List<TrajectoryTurn> reads = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            reads.add(new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(400), false)),
                    Optional.empty(), Optional.of(START.plus(offsets.get(i))), false));
        }
        return reads;
    }

    private static List<Long> transcriptWindows(Trajectory trajectory) {
        TranscriptStrategy transcript = new TranscriptStrategy(new WindowFactory(COUNTER));
        Session session = new Session("", List.of(), trajectory.task());
        List<Long> windows = new ArrayList<>();
        for (TrajectoryTurn turn : trajectory.turns()) {
            windows.add((long) transcript.render(session).tokens());
            session.append(turn.action());
            turn.observations().forEach(session::append);
        }
        return windows;
    }

    @Test
    void the_transcript_replay_rebuilds_each_billed_input_with_the_unseen_prefix() {
        Trajectory trajectory = session(true);
        List<ReplayRun> runs = replay.replay(trajectory, AtDefaults.strategies("transcript"));

        assertThat(runs).extracting(ReplayRun::strategy).containsExactly("transcript", CounterfactualReplay.RECORDED);
        ReplayRun transcript = runs.get(0);
        assertThat(transcript.estimated()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(transcript.turns().get(i).usage().input()).as("call " + (i + 1))
                    .isEqualTo(trajectory.turns().get(i).usage().orElseThrow().input());
        }
    }

    @Test
    void the_recorded_run_is_the_logs_usage_at_the_traces_price() {
        Trajectory trajectory = session(true);
        ReplayRun recorded = replay.replay(trajectory, AtDefaults.strategies("transcript")).get(1);

        Usage sum = trajectory.turns().stream().map(turn -> turn.usage().orElseThrow()).reduce(Usage.ZERO, Usage::plus);
        assertThat(recorded.usage()).isEqualTo(sum);
        assertThat(recorded.costUsd()).isCloseTo(PRICE.cost(sum), within(1e-12));
    }

    @Test
    void the_recorded_run_bills_the_pings_and_summaries_the_log_records_with_the_call_they_came_before() {
        Usage ping = new Usage(0, 0, 6_000, 1, 0);
        Usage summary = new Usage(4_000, 0, 0, 300, 0);
        Trajectory trajectory = session(true).withSideCalls(List.of(
                new SideCall(SideCall.Kind.PING, 2, Optional.empty(), Optional.of(ping)),
                new SideCall(SideCall.Kind.SUMMARY, 2, Optional.empty(), Optional.of(summary)),
                new SideCall(SideCall.Kind.PING, 3, Optional.empty(), Optional.empty())));
        ReplayRun plain = replay.replay(session(true), AtDefaults.strategies("transcript")).get(1);

        ReplayRun recorded = replay.replay(trajectory, AtDefaults.strategies("transcript")).get(1);

        double sides = PRICE.cost(ping) + PRICE.cost(summary);
        assertThat(recorded.costUsd()).isCloseTo(plain.costUsd() + sides, within(1e-12));
        assertThat(recorded.usage()).as("tokens by kind stay the calls'").isEqualTo(plain.usage());
        ReplayTurn third = recorded.turns().get(2);
        assertThat(third.cache().pings()).isEqualTo(2);
        assertThat(third.cache().pingCostUsd()).isCloseTo(PRICE.cost(ping), within(1e-12));
        assertThat(third.cache().compacted()).isTrue();
        assertThat(third.costUsd() - plain.turns().get(2).costUsd()).isCloseTo(sides, within(1e-12));
        CallCache second = recorded.turns().get(1).cache();
        assertThat(second.cold() || second.compacted() || second.pings() > 0).isFalse();
    }

    @Test
    void a_call_after_the_ttl_is_cold_and_reads_nothing_from_the_cache() {
        ReplayRun transcript = replay.replay(session(true), AtDefaults.strategies("transcript")).get(0);

        // 1 minute after the first call the prefix is warm; 10 minutes after the second it has expired.
        assertThat(transcript.turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
        assertThat(transcript.turns().get(1).usage().cacheRead()).isPositive();
        assertThat(transcript.turns().get(2).usage().cacheRead()).isZero();
        assertThat(transcript.coldCalls()).isOne();
        // Cold, the whole window up to its breakpoint is written again: 5,000 unseen tokens and every message.
        Usage cold = transcript.turns().get(2).usage();
        assertThat(cold.cacheWrite() + cold.uncachedInput()).isEqualTo(cold.input());
    }

    @Test
    void the_original_harness_is_replayed_pinging_where_its_log_says_it_pinged() {
        // cachet's own log: two pings bridged the ten minutes before the third call.
        Usage ping = new Usage(0, 0, 6_000, 1, 0);
        Trajectory pinged = session(true).withSideCalls(List.of(
                new SideCall(SideCall.Kind.PING, 2, Optional.of(START.plus(Duration.ofSeconds(330))), Optional.of(ping)),
                new SideCall(SideCall.Kind.PING, 2, Optional.of(START.plus(Duration.ofSeconds(600))), Optional.of(ping))));

        List<ReplayRun> runs = replay.replay(pinged, AtDefaults.strategies("transcript"));

        ReplayRun original = runs.get(1).original().orElseThrow();
        assertThat(original).as("replayed apart from the strategies' transcript, which sends no ping")
                .isNotSameAs(runs.get(0));
        assertThat(runs.get(0).turns().get(2).cold()).isTrue();
        assertThat(original.turns().get(2).cold()).isFalse();
        assertThat(original.turns().get(2).cache().pings()).isEqualTo(2);
        assertThat(original.turns().get(2).usage().cacheRead()).isPositive();
    }

    @Test
    void the_restart_cost_is_the_whole_history_sent_to_an_empty_cache_under_the_transcript() {
        Trajectory trajectory = session(true);
        ReplayRun transcript = replay.replay(trajectory, AtDefaults.strategies("transcript")).get(0);

        // The last call came cold too, so resuming costs what it cost and the writing of what it added: its read.
        TrajectoryTurn last = trajectory.turns().get(2);
        long added = COUNTER.count(last.action()) + COUNTER.count(last.observations().get(0));
        assertThat(transcript.restartCostUsd() - transcript.turns().get(2).inputCostUsd())
                .isCloseTo(PRICE.inputCost(new Usage(0, added, 0, 0, 0)), within(1e-9));
    }

    @Test
    void a_strategy_resumed_after_its_cache_expired_sends_the_window_it_renders_then() {
        List<Duration> minutes = IntStream.range(0, 12).mapToObj(Duration::ofMinutes).toList();
        Trajectory trajectory = new Trajectory("reads", "test", Optional.of(MODEL), "", "Read the parts.", List.of(),
                reads(minutes));
        List<ReplayRun> runs = replay.replay(trajectory, AtDefaults.strategies("transcript", "state", "hybrid"));

        // Under the transcript the whole history is written again; state sends its task state and the latest turn.
        assertThat(runs.get(1).restartCostUsd()).isLessThan(runs.get(0).restartCostUsd() / 2);
        // Hybrid, which found no compaction worth its cost while the cache was warm, compacts as it resumes: the
        // whole prompt is written again anyway. It sends less than its last window.
        ReplayRun hybrid = runs.get(2);
        assertThat(hybrid.turns()).noneMatch(turn -> turn.cache().compacted());
        int lastWindow = hybrid.turns().get(11).windowTokens();
        assertThat(hybrid.restartCostUsd()).isLessThan(PRICE.inputCost(new Usage(0, lastWindow, 0, 0, 0)));
    }

    @Test
    void a_trace_without_usage_is_estimated_and_has_no_recorded_run() {
        List<ReplayRun> runs = replay.replay(session(false), AtDefaults.strategies("transcript", "hybrid"));

        assertThat(runs).extracting(ReplayRun::strategy).containsExactly("transcript", "hybrid");
        assertThat(runs).allSatisfy(run -> assertThat(run.estimated()).isTrue());
    }

    @Test
    void fidelity_of_an_exact_replay_is_zero_error() {
        List<ReplayRun> runs = replay.replay(session(true), AtDefaults.strategies("transcript"));
        Fidelity fidelity = Fidelity.of(runs.get(0), runs.get(1));

        assertThat(fidelity.inputError()).isCloseTo(0, within(1e-12));
        assertThat(fidelity.perCallInputMedianError()).isCloseTo(0, within(1e-12));
    }
}
