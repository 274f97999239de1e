package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    private final List<Message> turns = List.of(
            new UserText("Please fix the parser.\nIt fails on negative numbers."),
            new AssistantTurn("I will read the parser first. Then I run the tests.\nMore later.",
                    List.of(new ToolCall("c1", "read_file", "{\"path\":\"src/Parser.java\"}"))),
            new ToolResult("c1", "read_file", "\n  class Parser {\n    int parse() {}\n}", false),
            AssistantTurn.calls("", new ToolCall("c2", "run_command", "{\"command\":\n  \"mvn   test\"}")),
            new ToolResult("c2", "run_command", "exit code 1\n[ERROR] ParserTest failed", true),
            new SystemText("ignored"),
            new ToolResult("c9", "grep", "orphan result", false));

    @Test
    void writes_one_line_per_user_text_assistant_sentence_and_call() {
        assertThat(summarizer.summarize("", turns)).isEqualTo("Summary of earlier turns:\n"
                + "- user: Please fix the parser.\n"
                + "- assistant: I will read the parser first.\n"
                + "- read_file {\"path\":\"src/Parser.java\"} -> class Parser {\n"
                + "- run_command {\"command\": \"mvn test\"} failed: exit code 1\n"
                + "- grep {} -> orphan result\n");
    }

    @Test
    void continues_a_previous_summary_without_a_second_heading() {
        String previous = "Summary of earlier turns:\n- user: Start.\n";

        String next = summarizer.summarize(previous, List.of(AssistantTurn.text("All done. Bye."), AssistantTurn.text("  ")));

        assertThat(next).isEqualTo("Summary of earlier turns:\n- user: Start.\n- assistant: All done.\n");
    }

    @Test
    void clips_long_lines_at_160_characters() {
        String longText = "word ".repeat(60);

        String summary = summarizer.summarize("", List.of(new UserText(longText)));

        assertThat(summary).isEqualTo("Summary of earlier turns:\n- user: " + longText.strip().substring(0, 160) + "...\n");
    }

    @Test
    void an_empty_input_gives_just_the_heading() {
        assertThat(summarizer.summarize("", List.of())).isEqualTo("Summary of earlier turns:\n");
    }
}
