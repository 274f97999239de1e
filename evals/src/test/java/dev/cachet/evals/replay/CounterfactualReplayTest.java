package dev.cachet.evals.replay;

import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.pricing.PriceTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterfactualReplayTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";

    /**
     * Four turns with known references: turn 2 reads a file first named by turn 1's listing (1 reference, seen as
     * its file name); turn 3 edits it copying an exception class, a quoted message and a whole line from turn 2's
     * output (3 references); turn 4 greps for a name from turn 1's listing (1). What the agent wrote first itself
     * (the full path, "Token.EOF", "src/parser") never counts.
     */
    static Trajectory lexerSession() {
        ToolCall list = new ToolCall("c1", "bash", "{\"command\":\"ls src/parser\"}");
        ToolCall read = new ToolCall("c2", "read_file", "{\"path\":\"src/parser/Lexer.java\"}");
        ToolCall edit = new ToolCall("c3", "edit_file", """
                {"path":"src/parser/Lexer.java",\
                "old":"throw new IllegalStateException(\\"unexpected end of input\\");",\
                "new":"return Token.EOF;"}""");
        ToolCall grep = new ToolCall("c4", "bash", "{\"command\":\"grep -n token_table src/parser\"}");
        return new Trajectory("lexer", "test", Optional.empty(), "You fix bugs.", "Fix the crash in the parser.",
                List.of(), List.of(
                        turn(list, "Lexer.java\ntoken_table.py\n"),
                        turn(read, "1: class Lexer {\n2:   Token nextToken() {\n"
                                + "3:     throw new IllegalStateException(\"unexpected end of input\");\n"),
                        turn(edit, "edited src/parser/Lexer.java"),
                        turn(grep, "src/parser/Lexer.java:9: import token_table\n")));
    }

    private static TrajectoryTurn turn(ToolCall call, String output) {
        return new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                List.of(new ToolResult(call.id(), call.name(), output, false)), Optional.empty(), Optional.empty(), false);
    }

    private static CounterfactualReplay replay() {
        var price = PriceTable.bundled().price(MODEL).orElseThrow();
        PricedModel priced = new PricedModel(ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.FIVE_MINUTES),
                price, counter -> BreakpointCacheSimulator.anthropic(counter, MODEL, ModelSpec.FIVE_MINUTES, price));
        return new CounterfactualReplay(COUNTER, trajectory -> priced);
    }

    /** Shows the system prompt, the task and only the last observation. */
    private static ConfiguredStrategy lastObservationOnly() {
        StrategyInfo info = new StrategyInfo("last-only", "test", List.of(), (services, params) -> session -> {
            var history = session.history();
            // The history starts with the task; after it come (call, result) pairs.
            var tail = history.size() < 3 ? List.<Message>of() : history.subList(history.size() - 2, history.size());
            return services.windows().startFor(session).segment(SegmentKind.HISTORY, tail).build();
        });
        return new ConfiguredStrategy(info, info.configure(Map.of()));
    }

    @Test
    void transcript_sees_every_reference_the_actions_learned_from_observations() {
        ReplayRun run = replay().replay(lexerSession(), List.of(AtDefaults.strategy("transcript"))).get(0);

        assertThat(run.turns()).extracting(ReplayTurn::references).containsExactly(0, 1, 3, 1);
        assertThat(run.referenceRecall()).isEqualTo(1.0);
    }

    @Test
    void a_window_that_dropped_older_observations_misses_what_they_held() {
        ReplayRun run = replay().replay(lexerSession(), List.of(lastObservationOnly())).get(0);

        // Turn 4's window holds only turn 3's edit: the listing that named token_table is gone.
        assertThat(run.turns()).extracting(ReplayTurn::visible).containsExactly(0, 1, 3, 0);
        assertThat(run.referenceRecall()).isEqualTo(4.0 / 5);
    }

    @Test
    void a_name_kept_only_in_a_placeholder_is_a_pointer_and_its_output_is_read_again() {
        ToolCall list = new ToolCall("c1", "bash", "{\"command\":\"find src -name '*.py'\"}");
        ToolCall read = new ToolCall("c2", "read_file", "{\"path\":\"README.md\"}");
        ToolCall readTable = new ToolCall("c3", "read_file", "{\"path\":\"src/parser/token_table.py\"}");
        Trajectory session = new Trajectory("pointer", "test", Optional.empty(), "You fix bugs.", "Fix the parser.",
                List.of(), List.of(turn(list, "src/parser/token_table.py\n" + "src/parser/grammar_rule.py\n".repeat(40)),
                        turn(read, "# Parser\nA small parser.\n"), turn(readTable, "12: EOF = 0\n")));
        StrategyInfo info = Strategies.named("masking");
        ConfiguredStrategy maskAllButLast = new ConfiguredStrategy(info, info.configure(Map.of("keep", 1)));
        ReplayRun transcript = replay().replay(session, List.of(AtDefaults.strategy("transcript"))).get(0);
        ReplayRun masked = replay().replay(session, List.of(maskAllButLast)).get(0);

        assertThat(transcript.contentRecall()).isEqualTo(1.0);
        assertThat(transcript.pointerRecall()).isZero();
        assertThat(transcript.rereadCostUsd()).isZero();
        // The read's path came from the listing (long enough to mask), which only its placeholder still names.
        ReplayTurn third = masked.turns().get(2);
        assertThat(third.references()).isOne();
        assertThat(third.pointers()).isOne();
        // It pays for reading the listing again: its tokens, uncached, at the input price.
        ToolResult listing = session.turns().get(0).observations().get(0);
        double input = PriceTable.bundled().price(MODEL).orElseThrow().input();
        assertThat(third.rereadCostUsd()).isCloseTo(COUNTER.count(listing) * input / 1e6, within(1e-12));
        assertThat(masked.contentRecall() + masked.pointerRecall()).isCloseTo(masked.referenceRecall(), within(1e-12));
    }

    @Test
    void replays_are_deterministic() {
        List<ConfiguredStrategy> all = Strategies.all().stream()
                .map(info -> new ConfiguredStrategy(info, info.configure(Map.of()))).toList();

        assertThat(replay().replay(lexerSession(), all)).isEqualTo(replay().replay(lexerSession(), all));
    }

    @Test
    void bills_every_turn_through_the_cache_and_prices_the_usage() {
        ReplayRun run = replay().replay(lexerSession(), List.of(AtDefaults.strategy("transcript"))).get(0);
        var price = PriceTable.bundled().price(MODEL).orElseThrow();

        assertThat(run.turns()).allSatisfy(turn -> {
            assertThat(turn.usage().input()).isPositive();
            assertThat(turn.costUsd()).isEqualTo(price.cost(turn.usage()));
            assertThat(turn.inputCostUsd()).isEqualTo(price.inputCost(turn.usage()));
        });
        assertThat(run.peakWindowTokens()).isEqualTo(run.turns().get(3).windowTokens());
    }

    @Test
    void a_summary_is_billed_as_a_call_of_its_own_with_the_window_it_was_written_for() {
        StrategyInfo info = Strategies.named("summary");
        ConfiguredStrategy eager = new ConfiguredStrategy(info, info.configure(Map.of("max_tokens", 1, "keep_turns", 1)));
        ReplayRun run = replay().replay(lexerSession(), List.of(eager)).get(0);
        var price = PriceTable.bundled().price(MODEL).orElseThrow();

        assertThat(run.turns()).filteredOn(turn -> turn.cache().compacted()).isNotEmpty().allSatisfy(turn -> {
            double summary = turn.costUsd() - price.cost(turn.usage()) - turn.rereadCostUsd();
            // At least the summarized turns' tools' outputs as input, and some summary as output.
            assertThat(summary).isGreaterThan(price.cost(new dev.cachet.providers.Usage(0, 0, 0, 1, 0)));
            assertThat(turn.inputCostUsd() - price.inputCost(turn.usage()) - turn.rereadCostUsd())
                    .isPositive().isLessThan(summary);
        });
        assertThat(run.turns()).filteredOn(turn -> !turn.cache().compacted()).allSatisfy(turn ->
                assertThat(turn.costUsd()).isEqualTo(price.cost(turn.usage()) + turn.rereadCostUsd()));
    }
}
