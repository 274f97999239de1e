package dev.cachet.context.strategy.hybrid;

import static dev.cachet.context.strategy.TestSessions.readArgs;
import static dev.cachet.context.strategy.TestSessions.sourceLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.strategy.TestSessions;
import dev.cachet.context.strategy.TestSessions.Script;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingSetTest {
    /** Searches that find nothing anyone uses again, each a turn of two messages. */
    private static Script idleSearches(Script script, int count) {
        for (int i = 1; i <= count; i++) {
            script.call("Searching " + i + ".", "grep", "{\"pattern\":\"nothing" + i + "\"}", "no matches");
        }
        return script;
    }

    @Test
    void an_output_named_by_an_action_stays_in_use_for_the_break_even_turns_of_the_prices_then_drops_out() {
        WorkingSet set = new WorkingSet(() -> 3);
        Script script = new Script().call("Reading.", "read_file", readArgs("src/Parser.java"), sourceLines("Parser", 1, 5));
        idleSearches(script, 1);

        set.update(TestSessions.history(script.turns()));
        assertThat(set.inUse(2)).as("not named yet").isFalse();

        script.call("Compiling.", "run_command", "{\"command\":\"javac Parser.java\"}", "ok");
        set.update(TestSessions.history(idleSearches(script, 2).turns()));
        assertThat(set.inUse(2)).isTrue();

        set.update(TestSessions.history(idleSearches(script, 1).turns()));
        assertThat(set.inUse(2)).isFalse();
        assertThat(set.inUse(4)).as("a search nothing named").isFalse();
    }

    @Test
    void naming_what_an_output_showed_keeps_the_newest_output_that_showed_it_in_use() {
        WorkingSet set = new WorkingSet(() -> 2);
        Script script = new Script()
                .call("Listing.", "run_command", "{\"command\":\"ls\"}", "src/main/Lexer.java\nsrc/main/Parser.java")
                .call("Searching.", "grep", "{\"pattern\":\"x\"}", "src/main/Lexer.java:3: int parse_number(x)");
        idleSearches(script, 3)
                .call("Editing.", "edit_file", "{\"path\":\"src/main/Lexer.java\",\"old\":\"parse_number\",\"new\":\"n\"}", "ok");

        set.update(TestSessions.history(script.turns()));

        assertThat(set.inUse(4)).as("the search, newest to show the path and the name").isTrue();
        assertThat(set.inUse(2)).as("the listing, which showed the path first").isFalse();
    }

    @Test
    void a_file_read_is_in_use_while_the_agent_works_on_that_file_even_by_its_name_alone() {
        WorkingSet set = new WorkingSet(() -> 2);
        Script script = new Script().call("Reading.", "read_file", readArgs("src/main/Parser.java"), "class P {}");
        idleSearches(script, 3).call("Testing.", "run_command", "{\"command\":\"javac Parser.java\"}", "ok");

        set.update(TestSessions.history(script.turns()));

        assertThat(set.inUse(List.of(2, 4, 6, 8, 10))).containsExactly(2);
    }
}
