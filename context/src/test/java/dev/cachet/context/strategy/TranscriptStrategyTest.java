package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptStrategyTest {
    private final TokenCounter counter = TestSessions.COUNTER;
    private final TranscriptStrategy strategy = new TranscriptStrategy(new WindowFactory(counter));
    private final ToolSpec grep = new ToolSpec("grep", "search files", JsonNodeFactory.instance.objectNode());

    @Test
    void renders_system_tools_and_the_whole_history() {
        Session session = new Session("you are an agent", List.of(grep), "find the bug");
        session.append(AssistantTurn.calls("", new ToolCall("c1", "grep", "{\"pattern\":\"bug\"}")));
        session.append(new ToolResult("c1", "grep", "a.txt:1: bug", false));

        Window window = strategy.render(session);

        assertThat(window.messages()).hasSize(4).startsWith(session.system());
        assertThat(window.messages().subList(1, 4)).isEqualTo(session.history());
        assertThat(window.tools()).containsExactly(grep);
        assertThat(window.tokensBySegment()).containsOnlyKeys(SegmentKind.SYSTEM, SegmentKind.TOOLS, SegmentKind.HISTORY);
        assertThat(window.tokens()).isEqualTo(window.tokensBySegment().values().stream().mapToInt(i -> i).sum());
        assertThat(window.toolTokens()).isEqualTo(counter.count(grep));
    }

    @Test
    void each_window_is_a_prefix_of_the_next_and_hashes_differ_as_content_grows() {
        Session session = new Session("sys", List.of(grep), "task");
        Window previous = strategy.render(session);
        for (int turn = 0; turn < 20; turn++) {
            session.append(AssistantTurn.calls("t" + turn, new ToolCall("c" + turn, "grep", "{}")));
            session.append(new ToolResult("c" + turn, "grep", "out " + turn, false));
            Window next = strategy.render(session);
            assertThat(next.messages()).startsWith(previous.messages().toArray(new Message[0]));
            assertThat(next.prefixHash()).isNotEqualTo(previous.prefixHash());
            assertThat(next.tokens()).isGreaterThan(previous.tokens());
            previous = next;
        }
    }

    @Test
    void on_the_fixed_session_each_window_is_the_whole_history_with_breakpoints_after_system_and_at_the_end() {
        List<TestSessions.Turn> fixed = TestSessions.fixed();
        List<Window> windows = TestSessions.renderEachTurn(strategy, TestSessions.newSession(), fixed);

        for (int turn = 0; turn <= 14; turn++) {
            Window window = windows.get(turn);
            List<Message> history = TestSessions.history(fixed.subList(0, turn));
            int size = 1 + history.size();
            assertThat(size).isEqualTo(turn <= 13 ? 2 + 2 * turn : 29);
            assertThat(window.messages().subList(1, size)).containsExactlyElementsOf(history);
            assertThat(window.tokens()).isEqualTo(TestSessions.fixedPrefixTokens(counter) + TestSessions.tokens(counter, history));
            assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, size);
            assertThat(window.breakpoints().get(0).tokens()).isEqualTo(TestSessions.fixedPrefixTokens(counter));
            assertThat(window.breakpoints().get(1).tokens()).isEqualTo(window.tokens());
            assertThat(window.compaction()).isEmpty();
        }
    }

    @Test
    void the_same_session_renders_the_same_hash() {
        Session a = new Session("sys", List.of(grep), "task");
        Session b = new Session("sys", List.of(grep), "task");
        assertThat(strategy.render(a).prefixHash()).isEqualTo(strategy.render(b).prefixHash());
    }
}
