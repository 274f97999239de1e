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
    /** A re-read costs nothing, so no output is worth keeping for its use. */
    private static final WorkingSet NOTHING_IN_USE = new WorkingSet(() -> 0);
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

        Compactions next = new FoldCompactor(2, 0, NOTHING_IN_USE).next(session, history, Compactions.NONE, true).orElseThrow();

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
        FoldCompactor folding = new FoldCompactor(2, 0, NOTHING_IN_USE);
        Session session = session(searches(new Script(), 5).turns());
        ToolResult masked = new ToolResult("c5", "read_file", "[masked]", false);
        Compactions first = folding.next(session, new History(session.history()), Compactions.NONE, true).orElseThrow()
                .masking(Map.of(10, masked), 11);

        List<Turn> more = searches(new Script(), 8).turns().subList(5, 8);
        more.forEach(turn -> turn.messages().forEach(session::append));
        Compactions second = folding.next(session, new History(session.history()), first, true).orElseThrow();

        assertThat(second.foldedUpTo()).isEqualTo(13);
        assertThat(second.index()).hasSize(2).startsWith(first.index().get(0));
        assertThat(second.index().get(1).text()).contains("src/F4.java", "src/F6.java").doesNotContain("src/F3.java");
        assertThat(second.masks()).isEqualTo(Map.of(10, masked));
    }

    @Test
    void nothing_to_fold_while_the_session_has_no_turn_before_the_kept_ones() {
        Session session = session(searches(new Script(), 2).turns());
        assertThat(new FoldCompactor(2, 0, NOTHING_IN_USE).next(session, new History(session.history()), Compactions.NONE, true)).isEmpty();
        assertThat(new FoldCompactor(1, 0, NOTHING_IN_USE).next(session, new History(session.history()),
                Compactions.NONE.folding(3, "state", List.of(), 5), true)).isEmpty();
    }

    @Test
    void keeps_the_schemas_a_tool_search_in_the_folded_turns_found() {
        String schema = "## create_issue\nCreate a GitHub issue\nparameters: {\"type\":\"object\"}";
        Script script = new Script().schemaCall("Looking for a tool.", "tool_search", "{\"query\":\"issue\"}", schema);
        Session session = session(searches(script, 3).turns());

        Compactions next = new FoldCompactor(2, 0, NOTHING_IN_USE).next(session, new History(session.history()), Compactions.NONE, true)
                .orElseThrow();

        assertThat(next.index()).last().isEqualTo(new UserText(LoadedTools.HEADING + "\n\n" + schema));
    }

    @Test
    void keeps_whole_in_the_index_the_folded_outputs_the_agent_still_uses_and_drops_them_once_unused_if_asked() {
        Script script = new Script()
                .call("Reading the parser.", "read_file", "{\"path\":\"src/Parser.java\"}", "int parse_number(String s)")
                .call("Reading the lexer.", "read_file", "{\"path\":\"src/Lexer.java\"}", "int next_token()");
        searches(script, 3).call("Fixing it.", "edit_file", "{\"path\":\"src/Parser.java\",\"old\":\"parse_number\"}", "ok");
        Session session = session(script.turns());
        WorkingSet workingSet = new WorkingSet(() -> 2);
        workingSet.update(session.history());
        FoldCompactor folding = new FoldCompactor(2, 0, workingSet);

        Compactions first = folding.next(session, new History(session.history()), Compactions.NONE, true).orElseThrow();

        // Turns 1-4 are folded; the edit in turn 6 used the parser read; the lexer read and the first searches were
        // last used two turns ago or earlier.
        UserText parserRead = new UserText(KeptOutputs.HEADING
                + "read_file {\"path\":\"src/Parser.java\"}\nint parse_number(String s)");
        assertThat(first.index()).filteredOn(part -> part.text().startsWith(KeptOutputs.HEADING))
                .containsExactly(parserRead);
        assertThat(first.index().get(first.index().size() - 1)).isEqualTo(parserRead);

        searches(new Script(), 8).turns().subList(5, 8).forEach(turn -> turn.messages().forEach(session::append));
        workingSet.update(session.history());
        History later = new History(session.history());

        assertThat(folding.next(session, later, first, true).orElseThrow().index())
                .doesNotContain(parserRead).startsWith(first.index().get(0));
        assertThat(folding.next(session, later, first, false).orElseThrow().index()).startsWith(first.index().toArray(UserText[]::new));
    }
}
