package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class PlaceholdersTest {
    private final ToolCall command = new ToolCall("c7", "run_command", "{\"command\":\"mvn -q test\"}");

    private static ToolResult output(String content) {
        return new ToolResult("c7", "run_command", content, false);
    }

    @Test
    void names_the_call_size_reason_and_mentioned_paths_and_how_to_see_it_again() {
        ToolResult masked = Placeholders.mask(command,
                output("FAIL src/test/ParserTest.java:42\nsee pom.xml and src/main/Parser.java, then src/test/ParserTest.java"),
                12_345, "superseded by a later call");

        assertThat(masked.content()).isEqualTo("[masked run_command {\"command\":\"mvn -q test\"}: 12,345 tokens, "
                + "superseded by a later call. Mentioned: src/test/ParserTest.java, pom.xml, src/main/Parser.java. "
                + "Run the tool again to see it.]");
    }

    @Test
    void keeps_the_call_id_tool_name_and_error_flag() {
        ToolResult failed = new ToolResult("c9", "grep", "boom", true);

        ToolResult masked = Placeholders.mask(new ToolCall("c9", "grep", "{}"), failed, 3, "old");

        assertThat(masked.callId()).isEqualTo("c9");
        assertThat(masked.toolName()).isEqualTo("grep");
        assertThat(masked.error()).isTrue();
        assertThat(masked.content()).isEqualTo("[masked grep {}: 3 tokens, old. Run the tool again to see it.]");
    }

    @Test
    void without_paths_there_is_no_mentioned_part() {
        ToolResult masked = Placeholders.mask(command, output("BUILD SUCCESS in 3.2 s, 12 tests, v1.2.3"), 9, "bulky");

        assertThat(masked.content()).isEqualTo("[masked run_command {\"command\":\"mvn -q test\"}: 9 tokens, bulky. "
                + "Run the tool again to see it.]");
    }

    @Test
    void long_arguments_are_put_on_one_line_and_clipped_at_120_characters() {
        String longArgs = "{\"command\":\n  \"" + "x".repeat(200) + "\"}";
        ToolResult masked = Placeholders.mask(new ToolCall("c1", "run_command", longArgs), output("ok"), 1, "old");

        String oneLine = ("{\"command\": \"" + "x".repeat(200) + "\"}").substring(0, 120);
        assertThat(masked.content()).isEqualTo("[masked run_command " + oneLine + "...: 1 tokens, old. Run the tool again to see it.]");
    }

    @Test
    void arguments_of_exactly_120_characters_are_not_clipped() {
        String args = "{\"pattern\":\"" + "y".repeat(120 - 14) + "\"}";
        assertThat(args).hasSize(120);

        ToolResult masked = Placeholders.mask(new ToolCall("c1", "grep", args), output("ok"), 1, "old");

        assertThat(masked.content()).startsWith("[masked grep " + args + ": 1 tokens");
    }

    @Test
    void mentions_at_most_eight_distinct_paths_in_order_of_first_appearance() {
        StringBuilder content = new StringBuilder("a/f0.txt a/f0.txt\n");
        for (int i = 1; i <= 10; i++) {
            content.append("a/f").append(i).append(".txt\n");
        }
        ToolResult masked = Placeholders.mask(command, output(content.toString()), 50, "old");

        assertThat(masked.content()).contains(" Mentioned: a/f0.txt, a/f1.txt, a/f2.txt, a/f3.txt, a/f4.txt, a/f5.txt, "
                + "a/f6.txt, a/f7.txt. Run");
    }

    @Test
    void recognizes_relative_paths_and_bare_file_names_with_known_extensions() {
        ToolResult masked = Placeholders.mask(command,
                output("Parser.java:12: error\n./run.sh failed, see docs/guide.md and config.yaml; ignored: notes.xyz"), 5, "old");

        assertThat(masked.content()).contains("Mentioned: Parser.java, ./run.sh, docs/guide.md, config.yaml.");
    }

    @Test
    void absolute_paths_are_mentioned() {
        ToolResult masked = Placeholders.mask(command, output("/work/repo/src/Foo.java:12: error: ';' expected"), 5, "old");

        assertThat(masked.content()).contains("Mentioned: /work/repo/src/Foo.java.");
    }

    @Test
    @ResourceLock(Resources.LOCALE)
    void the_size_is_formatted_the_same_under_any_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Placeholders.mask(command, output("ok"), 12_345, "old").content()).contains(": 12,345 tokens");
        } finally {
            Locale.setDefault(before);
        }
    }
}
