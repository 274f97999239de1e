package dev.cachet.context.strategy.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.TestSessions;
import dev.cachet.context.strategy.TestSessions.Script;
import dev.cachet.context.strategy.TestSessions.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadedToolsTest {
    /** Results at history positions 2, 4, 6 and 8; the second search found nothing, so carries no schema. */
    private static final List<Turn> TURNS = new Script()
            .schemaCall("Looking for a tool.", "tool_search", "{\"query\":\"issue\"}", "## create_issue")
            .call("Looking again.", "tool_search", "{\"query\":\"pods\"}", "no tools match 'pods'")
            .schemaCall("Listing a server's tools.", "list_mcp_tools", "{}", "## list_pods")
            .schemaCall("One more search.", "tool_search", "{\"query\":\"echo\"}", "## echo")
            .turns();

    private final History history = new History(TestSessions.history(TURNS));

    @Test
    void keeps_what_the_outputs_flagged_as_carrying_schemas_hold_whatever_tool_made_them() {
        assertThat(LoadedTools.between(history, 0, 7))
                .contains(new UserText(LoadedTools.HEADING + "\n\n## create_issue\n\n## list_pods"));
    }

    @Test
    void a_range_without_a_flagged_output_keeps_nothing() {
        assertThat(LoadedTools.between(history, 3, 5)).isEmpty();
    }
}
