package dev.cachet.context.strategy.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.TestSessions;
import dev.cachet.context.strategy.TestSessions.Script;
import dev.cachet.context.strategy.TestSessions.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldCompactorTest {
    private static Session session(List<Turn> turns) {
        Session session = TestSessions.newSession();
        turns.forEach(turn -> turn.messages().forEach(session::append));
        return session;
    }

    /** Searches that each find one file, F1, F2, ...: a turn of two messages each. */
    private static Script searches(Script script, int count) {
        for (int i = 1; i <= count; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"f" + i + "\"}",
                    "src/F" + i + ".java:" + i + ": int f" + i);
        }
        return script;
    }

    @Test
    void folds_all_but_the_last_turns_into_the_state_and_a_part_of_the_index() {
        Session session = session(searches(new Script(), 5).turns());
        History history = new History(session.history());

        Compactions next = new FoldCompactor(2, 0).next(session, history, Compactions.NONE).orElseThrow();

        // The task, then two messages a turn: the last two of five turns start at 1 + 2 × 3 = 7.
        assertThat(next.foldedUpTo()).isEqualTo(7);
        assertThat(next.snapshot()).isEqualTo(session.state().render());
        assertThat(next.index()).singleElement().extracting(UserText::text).asString()
                .startsWith(FoldedIndex.HEADING + "\n- grep {\"pattern\":\"f1\"}: src/F1.java\n")
                .contains("src/F3.java").doesNotContain("src/F4.java");
        assertThat(next.frontier()).isEqualTo(11);
    }

    @Test
    void a_later_fold_appends_a_part_to_the_index_and_keeps_the_masks() {
        FoldCompactor folding = new FoldCompactor(2, 0);
        Session session = session(searches(new Script(), 5).turns());
        ToolResult masked = new ToolResult("c5", "read_file", "[masked]", false);
        Compactions first = folding.next(session, new History(session.history()), Compactions.NONE).orElseThrow()
                .masking(Map.of(10, masked), 11);

        List<Turn> more = searches(new Script(), 8).turns().subList(5, 8);
        more.forEach(turn -> turn.messages().forEach(session::append));
        Compactions second = folding.next(session, new History(session.history()), first).orElseThrow();

        assertThat(second.foldedUpTo()).isEqualTo(13);
        assertThat(second.index()).hasSize(2).startsWith(first.index().get(0));
        assertThat(second.index().get(1).text()).contains("src/F4.java", "src/F6.java").doesNotContain("src/F3.java");
        assertThat(second.masks()).isEqualTo(Map.of(10, masked));
    }

    @Test
    void nothing_to_fold_while_the_session_has_no_turn_before_the_kept_ones() {
        Session session = session(searches(new Script(), 2).turns());
        assertThat(new FoldCompactor(2, 0).next(session, new History(session.history()), Compactions.NONE)).isEmpty();
        assertThat(new FoldCompactor(1, 0).next(session, new History(session.history()),
                Compactions.NONE.folding(3, "state", List.of(), 5))).isEmpty();
    }

    @Test
    void keeps_the_schemas_a_tool_search_in_the_folded_turns_found() {
        String schema = "## create_issue\nCreate a GitHub issue\nparameters: {\"type\":\"object\"}";
        Script script = new Script().schemaCall("Looking for a tool.", "tool_search", "{\"query\":\"issue\"}", schema);
        Session session = session(searches(script, 3).turns());

        Compactions next = new FoldCompactor(2, 0).next(session, new History(session.history()), Compactions.NONE)
                .orElseThrow();

        assertThat(next.index()).last().isEqualTo(new UserText(LoadedTools.HEADING + "\n\n" + schema));
    }
}
