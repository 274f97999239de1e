package dev.cachet.context.strategy.hybrid;

import static dev.cachet.context.strategy.TestSessions.commandArgs;
import static dev.cachet.context.strategy.TestSessions.failingBuild;
import static dev.cachet.context.strategy.TestSessions.fixedPrefixTokens;
import static dev.cachet.context.strategy.TestSessions.placeholder;
import static dev.cachet.context.strategy.TestSessions.readArgs;
import static dev.cachet.context.strategy.TestSessions.sourceLines;
import static dev.cachet.context.strategy.TestSessions.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.INTEGER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.TestSessions.Script;
import dev.cachet.context.strategy.TestSessions.Turn;
import dev.cachet.context.strategy.TestSessions;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.Segment;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HybridStrategyTest {
    private static final CacheRates RATES = CacheRates.ANTHROPIC;
    /** Masking only: no folds (more turns kept than any session here has), nothing is bulky, no window limit. */
    private static final Map<String, Integer> MASK_SUPERSEDED_ONLY = Map.of(
            "keep", 2, "keep_turns", 1_000, "bulky_tokens", 100_000, "max_window", 10_000_000);

    private final TokenCounter counter = TestSessions.COUNTER;

    private static final Clock NO_PAUSES = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private HybridStrategy hybrid(Map<String, Integer> params) {
        return hybrid(params, NO_PAUSES);
    }

    private HybridStrategy hybrid(Map<String, Integer> params, Clock clock) {
        return new HybridStrategy(new WindowFactory(counter), RATES, clock,
                Strategies.byName("hybrid").orElseThrow().configure(params));
    }

    private List<Window> render(Map<String, Integer> params, List<Turn> turns) {
        return TestSessions.renderEachTurn(hybrid(params), TestSessions.newSession(), turns);
    }

    private int transcriptTokens(List<Turn> turns, int played) {
        return fixedPrefixTokens(counter) + tokens(counter, TestSessions.history(turns.subList(0, played)));
    }

    /** System prompt and history after {@code played} turns, with the results of the given turns (1-based) replaced. */
    private static List<Message> shown(List<Turn> turns, int played, Map<Integer, ToolResult> replaced) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemText(TestSessions.SYSTEM));
        messages.addAll(TestSessions.history(turns.subList(0, played)));
        replaced.forEach((turn, result) -> messages.set(2 * turn + 1, result));
        return messages;
    }

    /**
     * The documented price of a compaction: what this turn costs with it (kept prefix read, the rest written) minus
     * what it costs without it (the previous window read, what was appended written), each window at its own tier's
     * factor.
     */
    private static double price(CacheRates rates, int previousTokens, int nowTokens, int compactedTokens,
            int keptTokens) {
        double without = (previousTokens * rates.read() + (nowTokens - previousTokens) * rates.write())
                * rates.factor(nowTokens);
        double with = (keptTokens * rates.read() + (compactedTokens - keptTokens) * rates.write())
                * rates.factor(compactedTokens);
        return with - without;
    }

    private static Optional<Integer> firstCompaction(List<Window> windows) {
        for (int turn = 0; turn < windows.size(); turn++) {
            if (windows.get(turn).compaction().isPresent()) {
                return Optional.of(turn);
            }
        }
        return Optional.empty();
    }

    /** A large file read twice, then many small distinct searches: only the first read is ever worth masking. */
    private static List<Turn> supersededRead() {
        Script script = new Script()
                .call("Reading alpha.", "read_file", readArgs("src/Alpha.java"), sourceLines("Alpha", 1, 120))
                .call("Reading alpha again.", "read_file", readArgs("src/Alpha.java"), sourceLines("Alpha", 2, 120));
        for (int i = 3; i <= 40; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"p" + i + "\"}", "src/Alpha.java:" + i + ": p" + i);
        }
        return script.turns();
    }

    /** The turn at which the documented rule first says masking the superseded read pays, and its price then. */
    private record Decision(int turn, int removed, int kept, int now, double price, double rentPerTurn) {}

    private Decision handComputedDecision(List<Turn> turns) {
        return handComputedDecision(turns, RATES);
    }

    private Decision handComputedDecision(List<Turn> turns, CacheRates rates) {
        ToolResult masked = placeholder(counter, turns.get(0), "superseded by a later call");
        int removed = counter.count(turns.get(0).results().get(0)) - counter.count(masked);
        int kept = fixedPrefixTokens(counter);
        double rentPaid = 0;
        // The first read is superseded from turn 2 and falls outside the last keep=2 observations from turn 3.
        for (int turn = 3; turn <= turns.size(); turn++) {
            int now = transcriptTokens(turns, turn);
            int compacted = now - removed;
            double price = price(rates, transcriptTokens(turns, turn - 1), now, compacted, kept);
            // The removed tokens' reads, and the premium the kept ones no longer pay below the threshold.
            double rent = removed * rates.read() * rates.factor(now)
                    + compacted * rates.read() * (rates.factor(now) - rates.factor(compacted));
            rentPaid += rent; // every turn the mask was on offer, this one included
            double expectedRent = turn * rent; // horizon 100%: as many turns still to come as played so far
            if (price <= 0 || (rentPaid >= price && expectedRent >= price)) {
                return new Decision(turn, removed, kept, now, price, rent);
            }
        }
        throw new AssertionError("the rule never pays on this session");
    }

    @Test
    void a_short_session_never_compacts_and_renders_exactly_what_the_transcript_renders() {
        List<Turn> fixed = TestSessions.fixed();
        // Keeping 8 turns, a fold of this 14-turn session removes too little to pay for its rewrite.
        List<Window> hybrid = render(Map.of("keep_turns", 8), fixed);
        List<Window> transcript = TestSessions.renderEachTurn(new TranscriptStrategy(new WindowFactory(counter)),
                TestSessions.newSession(), fixed);

        for (int turn = 0; turn <= 14; turn++) {
            Window window = hybrid.get(turn);
            assertThat(window.compaction()).as("turn %d", turn).isEmpty();
            assertThat(window.messages()).as("turn %d", turn).isEqualTo(transcript.get(turn).messages());
            assertThat(window.breakpoints()).as("turn %d", turn).isEqualTo(transcript.get(turn).breakpoints());
            assertThat(window.prefixHash()).isEqualTo(transcript.get(turn).prefixHash());
            assertThat(window.tokens()).isEqualTo(transcriptTokens(fixed, turn));
        }
    }

    @Test
    void masks_a_superseded_read_at_the_turn_the_documented_rent_or_buy_rule_says_it_pays() {
        List<Turn> turns = supersededRead();
        Decision decision = handComputedDecision(turns);
        assertThat(decision.turn()).as("rent had to build up over several turns").isBetween(6, 38);
        assertThat(decision.price()).isPositive();

        List<Window> windows = render(MASK_SUPERSEDED_ONLY, turns);

        assertThat(firstCompaction(windows)).contains(decision.turn());
        Window window = windows.get(decision.turn());
        Compaction compaction = window.compaction().orElseThrow();
        assertThat(compaction.kind()).isEqualTo("mask");
        assertThat(compaction.removedTokens()).isEqualTo(decision.removed());
        assertThat(compaction.keptTokens()).isEqualTo(decision.kept());
        assertThat(compaction.rewrittenTokens()).isEqualTo(decision.now() - decision.removed() - decision.kept());
        assertThat(window.tokens()).isEqualTo(decision.now() - decision.removed());
        assertThat(window.messages()).containsExactlyElementsOf(shown(turns, decision.turn(),
                Map.of(1, placeholder(counter, turns.get(0), "superseded by a later call"))));
    }

    @Test
    void a_mask_that_brings_the_window_back_under_a_long_prompt_tier_pays_sooner() {
        List<Turn> turns = supersededRead();
        Decision flat = handComputedDecision(turns);
        // A model that bills every token of a prompt past the threshold double, the threshold between the window of
        // turn 3 and that window with the read masked.
        int now = transcriptTokens(turns, 3);
        long threshold = now - flat.removed() / 2;
        CacheRates tiered = new CacheRates(RATES.write(), RATES.read(), RATES.ttl(),
                Optional.of(new CacheRates.LongPrompt(threshold, 2.0)));
        HybridStrategy hybrid = new HybridStrategy(new WindowFactory(counter), tiered, NO_PAUSES,
                Strategies.byName("hybrid").orElseThrow().configure(MASK_SUPERSEDED_ONLY));

        List<Window> windows = TestSessions.renderEachTurn(hybrid, TestSessions.newSession(), turns);

        // The premium the kept tokens no longer pay adds to the rent: the rent paid covers the rewrite sooner.
        Decision decision = handComputedDecision(turns, tiered);
        assertThat(decision.turn()).isLessThan(flat.turn());
        assertThat(firstCompaction(windows)).contains(decision.turn());
        assertThat((long) windows.get(decision.turn()).tokens()).isLessThanOrEqualTo(threshold);
    }

    @Test
    void a_pause_past_the_ttl_compacts_at_once_because_the_prompt_is_rewritten_anyway() {
        // The session idles six minutes before turn 3, past the 5-minute TTL.
        PausedClock clock = new PausedClock();
        compactsAtOnceAtTurn3(clock, hybrid -> clock.advance(Duration.ofMinutes(6)));
    }

    @Test
    void a_cache_emptied_by_a_switch_of_model_compacts_at_once_as_an_expiry_does_and_only_that_turn() {
        // No pause: before turn 3 the session switches to a model whose cache holds none of its prompts.
        compactsAtOnceAtTurn3(new PausedClock(), HybridStrategy::cacheEmptied);
        // A switch before the mask is on offer is over by then: the next turns find the new model's cache warm.
        List<Turn> turns = supersededRead();
        PausedClock early = new PausedClock();
        assertThat(firstCompaction(windowsPausingBefore(2, turns, early, hybrid(MASK_SUPERSEDED_ONLY, early),
                HybridStrategy::cacheEmptied))).contains(handComputedDecision(turns).turn());
    }

    @Test
    void back_on_a_cache_that_holds_an_older_window_the_warm_part_is_priced_from_that_window() {
        List<Turn> turns = supersededRead();
        Window first = TestSessions.renderEachTurn(hybrid(MASK_SUPERSEDED_ONLY, new PausedClock()),
                TestSessions.newSession(), turns).get(0);

        // Before turn 3 the session goes back to a model whose cache holds only its first window: what the mask
        // breaks (the read after it) is written anyway, so the mask is taken at once, keeping what that cache holds.
        PausedClock clock = new PausedClock();
        List<Window> windows = windowsPausingBeforeTurn3(turns, clock, hybrid(MASK_SUPERSEDED_ONLY, clock),
                hybrid -> hybrid.cacheHolds(first));

        assertThat(firstCompaction(windows)).contains(3);
        Compaction compaction = windows.get(3).compaction().orElseThrow();
        assertThat(compaction.keptTokens()).isEqualTo(first.tokens());
        assertThat(compaction.predictedNetSaving()).isPositive();
        // Holding the window the last request sent is no switch at all: the rent rule decides, as without one.
        PausedClock same = new PausedClock();
        HybridStrategy hybrid = hybrid(MASK_SUPERSEDED_ONLY, same);
        List<Window> unswitched = windowsPausingBeforeTurn3(turns, same, hybrid, h -> { });
        PausedClock held = new PausedClock();
        HybridStrategy holding = hybrid(MASK_SUPERSEDED_ONLY, held);
        assertThat(firstCompaction(windowsPausingBeforeTurn3(turns, held, holding,
                h -> h.cacheHolds(unswitched.get(2))))).isEqualTo(firstCompaction(unswitched))
                .contains(handComputedDecision(turns).turn());
    }

    /**
     * With {@code beforeTurn3} acting where the mask is first on offer, the mask the rent rule would defer is taken
     * there at once, nothing of the prompt kept warm, for a saving.
     */
    private void compactsAtOnceAtTurn3(PausedClock clock, Consumer<HybridStrategy> beforeTurn3) {
        List<Turn> turns = supersededRead();
        assertThat(handComputedDecision(turns).turn()).as("otherwise it waits for rent").isGreaterThan(3);

        List<Window> windows = windowsPausingBeforeTurn3(turns, clock, hybrid(MASK_SUPERSEDED_ONLY, clock),
                beforeTurn3);

        assertThat(firstCompaction(windows)).contains(3);
        Compaction compaction = windows.get(3).compaction().orElseThrow();
        assertThat(compaction.keptTokens()).as("nothing is warm").isZero();
        assertThat(compaction.predictedNetSaving()).isPositive();
    }

    @Test
    void a_pause_within_the_lifetime_the_last_request_was_cached_for_is_no_expiry() {
        List<Turn> turns = supersededRead();
        CacheRates hour = new CacheRates(2.0, 0.1, Duration.ofHours(1));
        PausedClock steady = new PausedClock();
        HybridStrategy unpaused = hybrid(MASK_SUPERSEDED_ONLY, steady);
        unpaused.cacheLifetime(hour);
        int decided = firstCompaction(windowsPausingBeforeTurn3(turns, steady, unpaused,
                hybrid -> steady.advance(Duration.ofSeconds(20)))).orElseThrow();

        PausedClock clock = new PausedClock();
        HybridStrategy paused = hybrid(MASK_SUPERSEDED_ONLY, clock);
        paused.cacheLifetime(hour);
        List<Window> windows = windowsPausingBeforeTurn3(turns, clock, paused, hybrid -> clock.advance(Duration.ofMinutes(6)));
        PausedClock late = new PausedClock();
        HybridStrategy expired = hybrid(MASK_SUPERSEDED_ONLY, late);
        expired.cacheLifetime(hour);
        List<Window> afterAnHour = windowsPausingBeforeTurn3(turns, late, expired, hybrid -> late.advance(Duration.ofMinutes(61)));

        assertThat(decided).as("the hour's dearer writes wait longer for rent")
                .isGreaterThan(handComputedDecision(turns).turn());
        assertThat(firstCompaction(windows)).as("six minutes idle left the hour's prefix warm").contains(decided);
        assertThat(firstCompaction(afterAnHour)).contains(3);
    }

    @Test
    void pings_through_the_pause_keep_the_cache_warm_so_it_waits_for_rent_as_without_the_pause() {
        List<Turn> turns = supersededRead();
        int decided = handComputedDecision(turns).turn();
        PausedClock clock = new PausedClock();
        // Six minutes idle, bridged by a keep-alive ping at 4.5 that re-read the cached prefix.
        List<Window> windows = windowsPausingBeforeTurn3(turns, clock, hybrid(MASK_SUPERSEDED_ONLY, clock), hybrid -> {
            clock.advance(Duration.ofSeconds(270));
            hybrid.cacheUsed(clock.instant());
            clock.advance(Duration.ofSeconds(90));
        });

        assertThat(firstCompaction(windows)).contains(decided);
    }

    @Test
    void a_provider_that_serves_none_of_its_cache_makes_the_mask_pay_sooner_than_one_that_serves_it_all() {
        List<Turn> turns = supersededRead();
        int decided = handComputedDecision(turns).turn();

        List<Window> served = windowsServing(turns, 1);
        List<Window> dropped = windowsServing(turns, 0);

        assertThat(firstCompaction(served)).as("served in full, the windows alone price it").contains(decided);
        assertThat(firstCompaction(dropped)).get(INTEGER).isLessThan(decided);
        assertThat(dropped.get(firstCompaction(dropped).orElseThrow()).compaction().orElseThrow().kind())
                .isEqualTo("mask");
    }

    /**
     * The windows of a session whose provider serves {@code share} of its cache to each call after the first, told
     * as each call is answered, before the next window is rendered.
     */
    private List<Window> windowsServing(List<Turn> turns, double share) {
        HybridStrategy hybrid = hybrid(MASK_SUPERSEDED_ONLY);
        var session = TestSessions.newSession();
        List<Window> windows = new ArrayList<>();
        windows.add(hybrid.render(session));
        for (Turn turn : turns) {
            if (windows.size() > 1) {
                hybrid.cacheServed(windows.get(windows.size() - 2).tokens(), share);
            }
            TestSessions.play(session, turn);
            windows.add(hybrid.render(session));
        }
        return windows;
    }

    /** The windows of a session whose calls come 20 s apart, but for the idle stretch {@code pause} before turn 3. */
    private static List<Window> windowsPausingBeforeTurn3(List<Turn> turns, PausedClock clock, HybridStrategy hybrid,
            Consumer<HybridStrategy> pause) {
        return windowsPausingBefore(3, turns, clock, hybrid, pause);
    }

    /** Each turn 20 s after the one before, but for turn {@code paused}, before which {@code pause} acts instead. */
    private static List<Window> windowsPausingBefore(int paused, List<Turn> turns, PausedClock clock,
            HybridStrategy hybrid, Consumer<HybridStrategy> pause) {
        var session = TestSessions.newSession();
        List<Window> windows = new ArrayList<>();
        windows.add(hybrid.render(session));
        for (int turn = 1; turn <= turns.size(); turn++) {
            TestSessions.play(session, turns.get(turn - 1));
            if (turn == paused) {
                pause.accept(hybrid);
            } else {
                clock.advance(Duration.ofSeconds(20));
            }
            windows.add(hybrid.render(session));
        }
        return windows;
    }

    /** A clock the test moves: the time each window is sent. */
    private static final class PausedClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration pause) {
            now = now.plus(pause);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void reports_the_predicted_net_saving_of_the_documented_rule() {
        List<Turn> turns = supersededRead();
        Decision decision = handComputedDecision(turns);

        Compaction compaction = render(MASK_SUPERSEDED_ONLY, turns).get(decision.turn()).compaction().orElseThrow();

        double expectedSaving = decision.turn() * decision.rentPerTurn() - decision.price();
        assertThat(expectedSaving).isPositive();
        assertThat(compaction.predictedNetSaving()).isCloseTo(expectedSaving, within(1e-6));
    }

    @Test
    void after_a_mask_the_window_is_append_only_again_and_the_mask_stays() {
        List<Turn> turns = supersededRead();
        int compacted = handComputedDecision(turns).turn();
        List<Window> windows = render(MASK_SUPERSEDED_ONLY, turns);

        ToolResult masked = placeholder(counter, turns.get(0), "superseded by a later call");
        for (int turn = compacted + 1; turn <= turns.size(); turn++) {
            Window window = windows.get(turn);
            assertThat(window.compaction()).as("turn %d", turn).isEmpty();
            assertThat(window.messages()).as("turn %d", turn).containsExactlyElementsOf(shown(turns, turn, Map.of(1, masked)));
        }
    }

    @Test
    void the_frontier_breakpoint_sits_where_the_compaction_ended() {
        List<Turn> turns = supersededRead();
        int compacted = handComputedDecision(turns).turn();
        List<Window> windows = render(MASK_SUPERSEDED_ONLY, turns);

        Window atCompaction = windows.get(compacted);
        int end = 2 + 2 * compacted; // system, task and two messages a turn
        assertThat(atCompaction.messages()).hasSize(end);
        assertThat(atCompaction.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, end);
        Breakpoint frontier = atCompaction.breakpoints().get(1);
        assertThat(frontier.prefixHash()).isEqualTo(atCompaction.prefixHash());

        for (int later = 1; later <= 3; later++) {
            Window window = windows.get(compacted + later);
            assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, end, end + 2 * later);
            assertThat(window.breakpoints().get(1)).isEqualTo(frontier);
            assertThat(window.segments()).extracting(Segment::kind)
                    .containsExactly(SegmentKind.SYSTEM, SegmentKind.HISTORY, SegmentKind.HISTORY);
            assertThat(window.segments().get(1).messages()).hasSize(end - 1);
        }
    }

    @Test
    void a_later_compaction_keeps_the_prefix_up_to_the_frontier_of_the_earlier_one() {
        List<Turn> first = supersededRead();
        Script script = new Script();
        first.forEach(turn -> script.call(turn.assistant().text(), turn.assistant().toolCalls().get(0).name(),
                turn.assistant().toolCalls().get(0).arguments(), turn.results().get(0).content()));
        script.call("Reading beta.", "read_file", readArgs("src/Beta.java"), sourceLines("Beta", 1, 120))
                .call("Reading beta again.", "read_file", readArgs("src/Beta.java"), sourceLines("Beta", 2, 120));
        for (int i = 43; i <= 90; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"p" + i + "\"}", "src/Beta.java:" + i + ": p" + i);
        }
        List<Turn> turns = script.turns();
        Decision earlier = handComputedDecision(first);

        List<Window> windows = render(MASK_SUPERSEDED_ONLY, turns);

        assertThat(firstCompaction(windows)).contains(earlier.turn());
        int frontierTokens = earlier.now() - earlier.removed();
        int later = firstCompaction(windows.subList(earlier.turn() + 1, windows.size())).orElseThrow() + earlier.turn() + 1;
        assertThat(later).isGreaterThan(42);
        Compaction compaction = windows.get(later).compaction().orElseThrow();
        assertThat(compaction.kind()).isEqualTo("mask");
        assertThat(compaction.keptTokens()).isEqualTo(frontierTokens);
        assertThat(compaction.rewrittenTokens()).isEqualTo(windows.get(later).tokens() - frontierTokens);
        assertThat(windows.get(later).messages()).containsExactlyElementsOf(shown(turns, later, Map.of(
                1, placeholder(counter, turns.get(0), "superseded by a later call"),
                41, placeholder(counter, turns.get(40), "superseded by a later call"))));
    }

    @Test
    void masks_superseded_and_bulky_outputs_but_not_a_small_current_one() {
        Script script = new Script()
                .call("Reading beta.", "read_file", readArgs("src/Beta.java"), sourceLines("Beta", 1, 30))
                .call("Searching.", "grep", "{\"pattern\":\"beta\"}", "src/Beta.java:3: beta")
                .call("Checking.", "run_command", commandArgs("make check"), failingBuild(80))
                .call("Reading beta again.", "read_file", readArgs("src/Beta.java"), sourceLines("Beta", 2, 30));
        for (int i = 5; i <= 30; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"q" + i + "\"}", "src/Beta.java:" + i + ": q" + i);
        }
        List<Turn> turns = script.turns();
        assertThat(counter.count(turns.get(0).results().get(0))).as("the first read is not bulky").isLessThan(800);
        assertThat(counter.count(turns.get(2).results().get(0))).as("the build log is bulky").isGreaterThan(800);

        List<Window> windows = render(Map.of("keep", 2, "keep_turns", 1_000, "index_names", 0), turns);

        int turn = firstCompaction(windows).orElseThrow();
        assertThat(windows.get(turn).compaction()).map(Compaction::kind).contains("mask");
        assertThat(windows.get(turn).messages()).containsExactlyElementsOf(shown(turns, turn, Map.of(
                1, placeholder(counter, turns.get(0), "superseded by a later call"),
                3, placeholder(counter, turns.get(2), "an older bulky output",
                        "src/test/ParserTest.java", "Parser.java", "src/main/Parser.java"))));
        assertThat(windows.get(turns.size()).messages()).contains(turns.get(1).results().get(0), turns.get(3).results().get(0));
    }

    @Test
    void folds_into_a_task_state_snapshot_when_the_window_passes_max_window() {
        List<Turn> fixed = TestSessions.fixed();
        int maxWindow = transcriptTokens(fixed, 5);
        List<Window> windows = render(Map.of("keep", 1_000, "keep_turns", 3, "max_window", maxWindow, "index_names", 0,
                "use_turns", 1), fixed);

        for (int turn = 0; turn <= 5; turn++) {
            assertThat(windows.get(turn).compaction()).as("turn %d", turn).isEmpty();
        }
        Window window = windows.get(6);
        UserText snapshot = new UserText("## Task state\n\nGoal: Fix the failing test in ParserTest\n\n"
                + "Files:\n- src/main/Parser.java: edited\n- src/test/ParserTest.java: read\n\n"
                + "Last error: `mvn -q test` exited 1: [ERROR] BUILD FAILURE\n");
        // With index_names 0 the index keeps the folded outputs' paths, and no code names.
        UserText index = (UserText) window.messages().get(1);
        assertThat(index.text()).startsWith(FoldedIndex.HEADING + "\n- run_command").contains("src/main/Lexer.java")
                .doesNotContain("parseNumber");
        List<Message> expected = new ArrayList<>(List.of(new SystemText(TestSessions.SYSTEM), index, snapshot));
        fixed.subList(3, 6).forEach(turn -> expected.addAll(turn.messages()));
        assertThat(window.messages()).containsExactlyElementsOf(expected);
        assertThat(window.segments()).extracting(Segment::kind)
                .containsExactly(SegmentKind.SYSTEM, SegmentKind.STATE, SegmentKind.STATE, SegmentKind.HISTORY);
        // The index keeps the breakpoint after it; the state, which changes at every fold, sits behind it.
        assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 2, 9);

        int compacted = fixedPrefixTokens(counter) + tokens(counter, expected.subList(1, expected.size()));
        int kept = fixedPrefixTokens(counter);
        assertThat(window.tokens()).isEqualTo(compacted);
        Compaction fold = window.compaction().orElseThrow();
        assertThat(fold.kind()).isEqualTo("fold");
        assertThat(fold.removedTokens()).isEqualTo(transcriptTokens(fixed, 6) - compacted);
        assertThat(fold.keptTokens()).isEqualTo(kept);
        assertThat(fold.rewrittenTokens()).isEqualTo(compacted - kept);

        Window next = windows.get(7);
        assertThat(next.compaction()).isEmpty();
        assertThat(next.messages().subList(0, 9)).isEqualTo(expected);
        assertThat(next.messages().subList(9, 11)).containsExactlyElementsOf(fixed.get(6).messages());
        assertThat(next.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 2, 9, 11);
        assertThat(next.breakpoints().subList(0, 3)).isEqualTo(window.breakpoints());
    }

    @Test
    void a_fold_keeps_whole_the_outputs_used_within_the_break_even_of_the_cache_prices_and_drops_the_rest() {
        Script script = new Script()
                .call("Reading the parser.", "read_file", readArgs("src/Parser.java"), sourceLines("Parser", 1, 30))
                .call("Reading the lexer.", "read_file", readArgs("src/Lexer.java"), sourceLines("Lexer", 1, 30));
        for (int i = 3; i <= 17; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"q" + i + "\"}", "no matches");
        }
        script.call("Fixing the parser.", "edit_file", "{\"path\":\"src/Parser.java\",\"old\":\"parser5\"}", "ok");
        List<Turn> turns = script.turns();

        // No remaining turns expected and 16 turns kept: only the window limit folds, at turn 18, the first two turns.
        Window fold = render(Map.of("keep_turns", 16, "horizon", 0, "max_window", transcriptTokens(turns, 17)), turns)
                .get(18);

        // Anthropic's prices: read 0.1 of the input price, so an output stays whole 10 turns after its last use. The
        // edit in turn 18 names the parser read; nothing ever named the lexer read.
        assertThat(fold.compaction()).map(Compaction::kind).contains("fold");
        String parserRead = turns.get(0).results().get(0).content();
        String lexerRead = turns.get(1).results().get(0).content();
        assertThat(fold.messages()).anyMatch(m -> m instanceof UserText u && u.text().startsWith(KeptOutputs.HEADING)
                && u.text().endsWith(parserRead));
        assertThat(fold.messages()).noneMatch(m -> m instanceof UserText u && u.text().contains(lexerRead));
    }

    @Test
    void a_fold_keeps_an_index_of_the_paths_and_code_names_its_outputs_showed() {
        List<Turn> fixed = TestSessions.fixed();
        List<Window> windows = render(Map.of("keep", 1_000, "keep_turns", 3, "max_window", transcriptTokens(fixed, 5),
                "use_turns", 1, "index_names", 60), fixed);

        String snapshot = ((UserText) windows.get(6).messages().get(1)).text();
        String index = snapshot.substring(snapshot.indexOf(FoldedIndex.HEADING));
        List<Message> folded = fixed.subList(0, 3).stream().flatMap(turn -> turn.messages().stream()).toList();
        assertThat(index.lines().skip(1)).hasSizeGreaterThan(0).allSatisfy(line -> assertThat(line).startsWith("- "));
        // Every name in the index comes from an output that was folded away.
        for (String line : index.lines().skip(1).toList()) {
            for (String name : line.substring(line.indexOf(": ") + 2).split(" ")) {
                assertThat(folded).as(name).anyMatch(m -> m instanceof ToolResult r && r.content().contains(name));
            }
        }
    }

    @Test
    void the_index_parts_only_grow_so_each_fold_keeps_the_earlier_parts_and_a_breakpoint_after_the_index() {
        List<Window> windows = render(Map.of(), TestSessions.generate(41, 200, true));

        List<Window> folds = windows.stream()
                .filter(w -> w.compaction().map(c -> c.kind().equals("fold")).orElse(false)).toList();
        assertThat(folds).hasSizeGreaterThanOrEqualTo(2);
        List<Message> earlier = List.of();
        boolean keptAnOutput = false;
        for (Window fold : folds) {
            int snapshot = fold.messages().indexOf(fold.messages().stream()
                    .filter(m -> m instanceof UserText u && u.text().startsWith("## Task state")).findFirst().orElseThrow());
            // System prompt, then the index (its parts and the folded outputs still in use), then the snapshot.
            List<Message> index = fold.messages().subList(1, snapshot);
            List<Message> parts = index.stream().filter(FoldedIndex::isIndex).toList();
            assertThat(parts.subList(0, Math.min(earlier.size(), parts.size()))).isEqualTo(earlier);
            if (!index.isEmpty()) {
                assertThat(fold.breakpoints()).extracting(Breakpoint::messages).contains(snapshot);
            }
            keptAnOutput |= index.stream().anyMatch(m -> ((UserText) m).text().startsWith(KeptOutputs.HEADING));
            earlier = parts;
        }
        assertThat(earlier).isNotEmpty();
        assertThat(keptAnOutput).isTrue();
    }

    @Test
    void schemas_found_with_tool_search_outlive_the_fold_that_drops_the_search() {
        String schema = "## create_issue\nCreate a GitHub issue\nparameters: {\"type\":\"object\"}";
        Script script = new Script().schemaCall("Looking for a tool.", "tool_search", "{\"query\":\"issue\"}", schema);
        for (int i = 2; i <= 12; i++) {
            script.call("Reading " + i + ".", "read_file", readArgs("src/F" + i + ".java"), sourceLines("F" + i, i, 40));
        }
        List<Turn> turns = script.turns();

        List<Window> windows = render(Map.of("keep_turns", 2, "max_window", transcriptTokens(turns, 6), "use_turns", 1), turns);

        Window last = windows.get(turns.size());
        assertThat(last.messages()).noneMatch(m -> m instanceof ToolResult r && r.toolName().equals("tool_search"));
        assertThat(last.messages()).anyMatch(m -> m instanceof UserText u
                && u.text().startsWith(LoadedTools.HEADING) && u.text().contains(schema));
    }

    @Test
    void two_fresh_instances_fed_the_same_session_render_identical_windows_turn_by_turn() {
        List<Turn> turns = TestSessions.generate(31, 150, true);
        List<Window> first = TestSessions.renderEachTurn(hybrid(Map.of()), TestSessions.newSession(), turns);
        List<Window> second = TestSessions.renderEachTurn(
                new HybridStrategy(new WindowFactory(TokenCounter.o200k()), RATES, NO_PAUSES,
                        Strategies.byName("hybrid").orElseThrow().configure(Map.of())),
                TestSessions.newSession(), TestSessions.generate(31, 150, true));

        for (int turn = 0; turn <= 150; turn++) {
            assertThat(second.get(turn).prefixHash()).as("turn %d", turn).isEqualTo(first.get(turn).prefixHash());
            assertThat(second.get(turn).breakpoints()).as("turn %d", turn).isEqualTo(first.get(turn).breakpoints());
            assertThat(second.get(turn).compaction()).as("turn %d", turn).isEqualTo(first.get(turn).compaction());
        }
        assertThat(first).filteredOn(w -> w.compaction().isPresent()).hasSizeGreaterThan(2);
    }

    @Test
    void a_reused_call_id_does_not_mask_the_newest_result() {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn(AssistantTurn.calls("Checking.", new ToolCall("call_0", "run_command", commandArgs("make check"))),
                List.of(new ToolResult("call_0", "run_command", failingBuild(80), false))));
        for (int i = 2; i <= 12; i++) {
            String args = "{\"pattern\":\"r" + i + "\"}";
            turns.add(new Turn(AssistantTurn.calls("Searching.", new ToolCall("call_0", "grep", args)),
                    List.of(new ToolResult("call_0", "grep", "src/R.java:" + i + ": r" + i, false))));
        }
        List<Window> windows = render(Map.of("keep", 2, "keep_turns", 1_000, "index_names", 0, "use_turns", 1), turns);

        Window last = windows.get(12);
        assertThat(firstCompaction(windows)).isPresent();
        assertThat(last.messages().get(last.messages().size() - 1)).isEqualTo(turns.get(11).results().get(0));
        assertThat(((ToolResult) last.messages().get(3)).content()).startsWith("[masked run_command ");
    }

    @Test
    void keep_turns_must_keep_at_least_the_turn_the_model_has_not_seen_yet() {
        assertThatThrownBy(() -> Strategies.byName("hybrid").orElseThrow().configure(Map.of("keep_turns", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter keep_turns of strategy hybrid must be >= 1, got 0");
    }
}
