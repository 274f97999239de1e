package dev.cachet.context.strategy;

import static dev.cachet.context.strategy.TestSessions.fixedPrefixTokens;
import static dev.cachet.context.strategy.TestSessions.placeholder;
import static dev.cachet.context.strategy.TestSessions.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.TestSessions.Turn;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingStrategyTest {
    private final TokenCounter counter = TestSessions.COUNTER;
    private final List<Turn> fixed = TestSessions.fixed();

    private List<Window> render(int keep) {
        return TestSessions.renderEachTurn(new MaskingStrategy(new WindowFactory(counter), keep), TestSessions.newSession(), fixed);
    }

    /**
     * System prompt and history with the results of these turns (1-based) replaced, where the placeholder is the
     * smaller of the two: a tiny output stays as it is.
     */
    private List<Message> expected(List<Turn> turns, int[] maskedTurns, ToolResult... placeholders) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemText(TestSessions.SYSTEM));
        messages.addAll(TestSessions.history(turns));
        for (int i = 0; i < maskedTurns.length; i++) {
            int at = 2 * maskedTurns[i] + 1;
            if (smaller(placeholders[i], (ToolResult) messages.get(at))) {
                messages.set(at, placeholders[i]);
            }
        }
        return messages;
    }

    private boolean smaller(ToolResult placeholder, ToolResult original) {
        return counter.count(placeholder) < counter.count(original);
    }

    @Test
    void masks_exactly_the_observations_older_than_the_last_ten_with_a_descriptive_placeholder() {
        Window window = render(10).get(14);

        String reason = "older than the last 10 observations";
        List<Message> expected = expected(fixed, new int[] {1, 2, 3},
                placeholder(counter, fixed.get(0), reason, "src/main/Parser.java", "src/main/Lexer.java", "src/test/ParserTest.java"),
                placeholder(counter, fixed.get(1), reason),
                placeholder(counter, fixed.get(2), reason, "src/test/ParserTest.java", "Parser.java", "src/main/Parser.java"));
        assertThat(window.messages()).containsExactlyElementsOf(expected);
        assertThat(window.tokens()).isEqualTo(fixedPrefixTokens(counter) + tokens(counter, expected.subList(1, expected.size())));
    }

    @Test
    void the_placeholder_text_names_tool_arguments_size_reason_and_paths() {
        ToolResult masked = (ToolResult) render(10).get(14).messages().get(7);

        assertThat(masked.callId()).isEqualTo("c3");
        assertThat(masked.toolName()).isEqualTo("run_command");
        assertThat(masked.content()).isEqualTo("[masked run_command {\"command\":\"mvn -q test\"}: "
                + String.format("%,d", counter.count(fixed.get(2).results().get(0)))
                + " tokens, older than the last 10 observations. Mentioned: src/test/ParserTest.java, Parser.java,"
                + " src/main/Parser.java. Run the tool again to see it.]");
        assertThat(counter.count(fixed.get(2).results().get(0))).isGreaterThan(1_000);
    }

    @Test
    void keeps_the_last_n_observations_verbatim() {
        Window window = render(2).get(14);

        List<Message> history = TestSessions.history(fixed);
        List<Message> shown = window.messages();
        assertThat(shown).hasSize(history.size() + 1);
        for (int turn = 1; turn <= 13; turn++) {
            ToolResult original = (ToolResult) history.get(2 * turn);
            ToolResult actual = (ToolResult) shown.get(2 * turn + 1);
            if (turn >= 12 || counter.count(original) < 60) {
                assertThat(actual).as("turn %d", turn).isEqualTo(original);
            } else {
                assertThat(actual.content()).as("turn %d", turn)
                        .startsWith("[masked ").contains("older than the last 2 observations");
                assertThat(actual.callId()).isEqualTo(original.callId());
            }
        }
        assertThat(shown.subList(0, 2)).containsExactly(new SystemText(TestSessions.SYSTEM), history.get(0));
    }

    @Test
    void keep_zero_masks_every_observation_and_a_large_keep_masks_none() {
        Window none = render(0).get(14);
        Window all = render(13).get(14);

        // Only outputs smaller than their placeholder would be stay verbatim.
        assertThat(none.messages()).filteredOn(m -> m instanceof ToolResult r && !r.content().startsWith("[masked "))
                .allMatch(m -> counter.count(m) < 60).isNotEmpty();
        assertThat(none.messages()).filteredOn(m -> m instanceof ToolResult r && counter.count(r) > 200)
                .allMatch(m -> ((ToolResult) m).content().startsWith("[masked "));
        assertThat(all.messages().subList(1, all.messages().size())).isEqualTo(TestSessions.history(fixed));
    }

    @Test
    void window_sizes_each_turn_are_the_history_with_all_but_the_last_two_observations_masked() {
        List<Window> windows = render(2);

        for (int turn = 0; turn <= 14; turn++) {
            List<Turn> played = fixed.subList(0, turn);
            int observations = Math.min(turn, 13);
            int[] masked = new int[Math.max(0, observations - 2)];
            ToolResult[] placeholders = new ToolResult[masked.length];
            for (int i = 0; i < masked.length; i++) {
                masked[i] = i + 1;
                placeholders[i] = placeholder(counter, fixed.get(i), "older than the last 2 observations",
                        mentions(fixed.get(i)));
            }
            List<Message> expected = expected(played, masked, placeholders);
            assertThat(windows.get(turn).messages()).as("turn %d", turn).containsExactlyElementsOf(expected);
            assertThat(windows.get(turn).tokens()).as("turn %d", turn)
                    .isEqualTo(fixedPrefixTokens(counter) + tokens(counter, expected.subList(1, expected.size())));
        }
        int transcript = fixedPrefixTokens(counter) + tokens(counter, TestSessions.history(fixed));
        assertThat(windows.get(14).tokens()).isLessThan(transcript - 5_000);
    }

    /** The paths each observation of the fixed session mentions, in order of first mention. */
    private static String[] mentions(Turn turn) {
        String content = turn.results().get(0).content();
        if (content.startsWith("exit code 0\nsrc/main/Parser.java")) {
            return new String[] {"src/main/Parser.java", "src/main/Lexer.java", "src/test/ParserTest.java"};
        }
        if (content.startsWith("exit code 1")) {
            return new String[] {"src/test/ParserTest.java", "Parser.java", "src/main/Parser.java"};
        }
        if (content.startsWith("src/main/Parser.java:57")) {
            return new String[] {"src/main/Parser.java", "src/test/ParserTest.java"};
        }
        if (content.startsWith("edited ")) {
            return new String[] {content.substring("edited ".length())};
        }
        if (content.startsWith("exit code 0\n src/main/Lexer.java")) {
            return new String[] {"src/main/Lexer.java", "src/main/Parser.java"};
        }
        if (content.startsWith("src/main/Parser.java:3")) {
            return new String[] {"src/main/Parser.java", "src/main/Lexer.java"};
        }
        return new String[0];
    }

    @Test
    void a_placeholder_never_makes_the_window_larger_than_the_transcript() {
        List<Window> windows = render(2);

        for (int turn = 0; turn <= 14; turn++) {
            int transcript = fixedPrefixTokens(counter) + tokens(counter, TestSessions.history(fixed.subList(0, turn)));
            assertThat(windows.get(turn).tokens()).as("turn %d", turn).isLessThanOrEqualTo(transcript);
        }
    }

    @Test
    void the_masked_boundary_moves_each_turn_so_the_cache_breaks_at_the_newly_masked_observation() {
        List<Window> windows = render(2);
        Window three = windows.get(3);
        Window four = windows.get(4);

        // At turn 4 the read of Parser.java (c2, window position 5) falls out of the last two and is masked.
        assertThat(four.messages().subList(0, 5)).isEqualTo(three.messages().subList(0, 5));
        assertThat(four.messages().get(5)).isNotEqualTo(three.messages().get(5));
        assertThat(((ToolResult) four.messages().get(5)).content()).startsWith("[masked read_file ");
        assertThat(four.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, four.messages().size());
        assertThat(four.breakpoints().get(1).prefixHash()).isNotEqualTo(three.breakpoints().get(1).prefixHash());
    }

    @Test
    void the_same_observation_gets_the_same_placeholder_bytes_every_turn() {
        List<Window> windows = render(2);

        for (int turn = 4; turn <= 14; turn++) {
            assertThat(windows.get(turn).messages().subList(0, 4)).as("turn %d", turn)
                    .isEqualTo(windows.get(3).messages().subList(0, 4));
            assertThat(windows.get(turn).breakpoints().get(0)).isEqualTo(windows.get(3).breakpoints().get(0));
        }
    }
}
