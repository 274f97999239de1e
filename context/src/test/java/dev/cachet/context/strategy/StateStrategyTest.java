package dev.cachet.context.strategy;

import static dev.cachet.context.strategy.TestSessions.fixedPrefixTokens;
import static dev.cachet.context.strategy.TestSessions.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.TestSessions.Turn;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Segment;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateStrategyTest {
    private final TokenCounter counter = TestSessions.COUNTER;
    private final List<Turn> fixed = TestSessions.fixed();

    private List<Window> render(int keepTurns) {
        return TestSessions.renderEachTurn(new StateStrategy(new WindowFactory(counter), keepTurns), TestSessions.newSession(), fixed);
    }

    private static List<Message> messagesOf(List<Turn> turns) {
        List<Message> messages = new ArrayList<>();
        turns.forEach(turn -> messages.addAll(turn.messages()));
        return messages;
    }

    @Test
    void shows_system_the_rendered_task_state_and_only_the_last_three_turns() {
        Window window = render(3).get(14);

        UserText state = new UserText("## Task state\n\nGoal: Fix the failing test in ParserTest\n\nFiles:\n"
                + "- src/main/Lexer.java: edited\n- src/main/Parser.java: edited\n- src/test/ParserTest.java: read\n");
        List<Message> expected = new ArrayList<>(List.of(new SystemText(TestSessions.SYSTEM), state));
        expected.addAll(messagesOf(fixed.subList(11, 14)));
        assertThat(window.messages()).containsExactlyElementsOf(expected);
        assertThat(window.segments()).extracting(Segment::kind)
                .containsExactly(SegmentKind.SYSTEM, SegmentKind.STATE, SegmentKind.HISTORY);
        assertThat(window.tokens()).isEqualTo(fixedPrefixTokens(counter) + tokens(counter, expected.subList(1, expected.size())));
        assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 7);
    }

    @Test
    void the_state_snapshot_carries_the_last_error_while_it_is_unresolved() {
        Window window = render(3).get(8);

        assertThat(window.messages().get(1)).isEqualTo(new UserText("## Task state\n\nGoal: Fix the failing test in ParserTest\n\n"
                + "Files:\n- src/main/Parser.java: edited\n- src/test/ParserTest.java: read\n\n"
                + "Last error: `mvn -q test` exited 1: [ERROR] BUILD FAILURE\n"));
        assertThat(window.messages().subList(2, window.messages().size())).containsExactlyElementsOf(messagesOf(fixed.subList(5, 8)));
    }

    @Test
    void the_window_stays_small_while_the_transcript_grows() {
        List<Window> windows = render(3);

        for (int turn = 3; turn <= 14; turn++) {
            Window window = windows.get(turn);
            List<Message> lastTurns = messagesOf(fixed.subList(turn - 3, turn));
            assertThat(window.messages().subList(2, window.messages().size())).as("turn %d", turn)
                    .containsExactlyElementsOf(lastTurns);
            assertThat(window.tokens()).as("turn %d", turn).isEqualTo(fixedPrefixTokens(counter)
                    + counter.count(window.messages().get(1)) + tokens(counter, lastTurns));
        }
    }

    @Test
    void with_fewer_turns_than_keep_turns_it_shows_all_turns_but_the_task_lives_in_the_state() {
        Window window = render(20).get(5);

        assertThat(window.messages().subList(2, window.messages().size())).containsExactlyElementsOf(messagesOf(fixed.subList(0, 5)));
        assertThat(((UserText) window.messages().get(1)).text()).contains("Goal: " + TestSessions.TASK);
    }

    @Test
    void before_the_first_turn_it_shows_system_and_state_only() {
        Window window = render(3).get(0);

        assertThat(window.messages()).containsExactly(new SystemText(TestSessions.SYSTEM),
                new UserText("## Task state\n\nGoal: Fix the failing test in ParserTest\n"));
    }

    @Test
    void keep_turns_zero_shows_no_turns() {
        Window window = render(0).get(3);

        assertThat(window.messages()).hasSize(2);
    }
}
