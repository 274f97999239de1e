package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import org.junit.jupiter.api.Test;

class ToolCallLineTest {
    private static String line(String tool, String arguments) {
        return ToolCallLine.of(new ToolCall("id", tool, arguments), Style.PLAIN);
    }

    @Test
    void each_tool_shows_what_it_acts_on() {
        assertThat(line("read_file", "{\"path\":\"a.txt\"}")).isEqualTo("> read_file a.txt");
        assertThat(line("read_file", "{\"path\":\"a.txt\",\"start_line\":5}")).isEqualTo("> read_file a.txt:5-end");
        assertThat(line("run_command", "{\"command\":\"make test\\nmake lint\"}")).isEqualTo("> run_command $ make test ...");
        assertThat(line("grep", "{\"pattern\":\"TODO\",\"glob\":\"*.java\"}")).isEqualTo("> grep /TODO/ (*.java)");
        assertThat(line("list_files", "{\"path\":\"src\",\"glob\":\"**/*.java\"}")).isEqualTo("> list_files **/*.java in src");
        assertThat(line("list_files", "{}")).isEqualTo("> list_files");
        assertThat(line("write_file", "{\"path\":\"b.txt\",\"content\":\"...\"}")).isEqualTo("> write_file b.txt");
        assertThat(line("tool_search", "{\"query\":\"github issues\"}")).isEqualTo("> tool_search \"github issues\"");
        assertThat(line("call_tool", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}"))
                .isEqualTo("> call_tool echo {\"message\":\"hi\"}");
        assertThat(line("mcp_thing", "{\"x\":1}")).isEqualTo("> mcp_thing {\"x\":1}");
    }

    @Test
    void arguments_that_do_not_parse_show_as_written_cut_to_a_line() {
        assertThat(line("edit_file", "{\"path\": ")).isEqualTo("> edit_file {\"path\": ");
        assertThat(line("run_command", "{\"command\":\"" + "x".repeat(300) + "\"}")).hasSize(2 + "run_command ".length() + 100);
    }
}
