package dev.cachet.tools;

import static org.assertj.core.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolBoxTest {
    @TempDir
    Path root;

    /** A tool for the tests: echoes its "text" argument, or crashes when asked to. */
    private static final class EchoTool implements Tool {
        private final String name;

        EchoTool(String name) {
            this.name = name;
        }

        @Override
        public ToolSpec spec() {
            return new ToolSpec(name, "echoes text", Schema.object().string("text", "what to echo", true).build());
        }

        @Override
        public ToolOutput execute(JsonNode args, ToolContext context) throws ToolException {
            String text = new Args(name, args).string("text");
            if (text.equals("crash")) {
                throw new IllegalStateException("kaput");
            }
            return ToolOutput.ok("echo: " + text);
        }
    }

    private ToolOutput execute(ToolBox box, String tool, String arguments) {
        return box.execute(new ToolCall("c1", tool, arguments), ToolTesting.context(root));
    }

    @Test
    void a_stop_cuts_short_commands_and_long_reads_but_never_a_write_nor_a_call_on_the_sessions_own_state() {
        ToolBox core = ToolBox.core();

        assertThat(List.of("run_command", "grep", "list_files", "git_status")).allMatch(core::stoppable);
        assertThat(List.of("write_file", "edit_file", "update_task_state", "finish", "read_file", "no_such_tool"))
                .noneMatch(core::stoppable);
    }

    @Test
    void runs_the_named_tool_with_its_arguments() {
        ToolBox box = new ToolBox(List.of(new EchoTool("echo"), new EchoTool("other")));

        assertThat(execute(box, "echo", "{\"text\":\"hi\"}")).isEqualTo(ToolOutput.ok("echo: hi"));
    }

    @Test
    void an_unknown_tool_is_an_error_that_lists_the_available_tools() {
        ToolBox box = new ToolBox(List.of(new EchoTool("echo"), new EchoTool("other")));

        assertThat(execute(box, "rm_rf", "{}"))
                .isEqualTo(ToolOutput.error("unknown tool 'rm_rf'; available tools: echo, other"));
    }

    @Test
    void malformed_json_arguments_are_an_error() {
        ToolOutput output = execute(new ToolBox(List.of(new EchoTool("echo"))), "echo", "{\"text\": ");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("arguments of echo are not valid JSON: ");
    }

    @Test
    void arguments_with_trailing_text_or_a_repeated_key_are_not_valid_json() {
        ToolBox box = new ToolBox(List.of(new EchoTool("echo")));

        for (String arguments : List.of("{\"text\":\"a\"} xyz", "{\"text\":\"a\",\"text\":\"b\"}")) {
            assertThat(execute(box, "echo", arguments).content()).as(arguments)
                    .startsWith("arguments of echo are not valid JSON: ");
        }
    }

    @Test
    void arguments_that_are_not_an_object_are_an_error() {
        ToolBox box = new ToolBox(List.of(new EchoTool("echo")));

        for (String arguments : List.of("[\"hi\"]", "\"hi\"", "42", "null", "")) {
            assertThat(execute(box, "echo", arguments)).as(arguments)
                    .isEqualTo(ToolOutput.error("arguments of echo must be a JSON object"));
        }
    }

    @Test
    void a_tool_exception_becomes_an_error_output_with_its_message() {
        assertThat(execute(new ToolBox(List.of(new EchoTool("echo"))), "echo", "{}"))
                .isEqualTo(ToolOutput.error("echo: missing required string argument 'text'"));
    }

    @Test
    void a_tool_that_throws_a_runtime_exception_becomes_an_error_naming_the_tool() {
        assertThat(execute(new ToolBox(List.of(new EchoTool("echo"))), "echo", "{\"text\":\"crash\"}"))
                .isEqualTo(ToolOutput.error("echo crashed: IllegalStateException: kaput"));
    }

    @Test
    void a_null_pointer_crash_names_the_tool_and_the_exception() {
        Tool npe = new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("npe", "crashes", Schema.object().build());
            }

            @Override
            public ToolOutput execute(JsonNode args, ToolContext context) {
                return ToolOutput.ok(args.get("missing").asText());
            }
        };

        ToolOutput output = execute(new ToolBox(List.of(npe)), "npe", "{}");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("npe crashed: NullPointerException");
    }

    @Test
    void rejects_two_tools_with_the_same_name() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ToolBox(List.of(new EchoTool("echo"), new EchoTool("echo"))))
                .withMessage("two tools are named echo");
    }

    @Test
    void core_has_the_documented_tools_in_order() {
        assertThat(ToolBox.core().specs()).extracting(ToolSpec::name).containsExactly(
                "read_file", "list_files", "grep", "edit_file", "write_file", "run_command",
                "git_status", "git_diff", "update_task_state", "finish");
    }

    @Test
    void readers_change_nothing_file_tools_change_files_and_commands_and_unknown_tools_may_change_anything() {
        ToolBox core = ToolBox.core();

        assertThat(core.specs()).extracting(ToolSpec::name).filteredOn(name -> core.effect(name) == ToolEffect.NONE)
                .containsExactly("read_file", "list_files", "grep", "git_status", "git_diff", "update_task_state", "finish");
        assertThat(core.effect("edit_file")).isEqualTo(ToolEffect.FILES);
        assertThat(core.effect("write_file")).isEqualTo(ToolEffect.FILES);
        assertThat(core.effect("run_command")).isEqualTo(ToolEffect.PROCESSES);
        assertThat(new EchoTool("mcp_tool").effect()).isEqualTo(ToolEffect.PROCESSES);
        assertThat(core.effect("no_such_tool")).isEqualTo(ToolEffect.NONE);
    }

    @Test
    void core_specs_have_unique_names_and_object_schemas() {
        List<ToolSpec> specs = ToolBox.core().specs();

        assertThat(specs).extracting(ToolSpec::name).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z_]{1,64}"));
        for (ToolSpec spec : specs) {
            JsonNode parameters = spec.parameters();
            assertThat(spec.description()).as(spec.name()).isNotBlank();
            assertThat(parameters.isObject()).as(spec.name()).isTrue();
            assertThat(parameters.path("type").asText()).as(spec.name()).isEqualTo("object");
            assertThat(parameters.path("properties").isObject()).as(spec.name()).isTrue();
            for (JsonNode required : parameters.path("required")) {
                assertThat(parameters.path("properties").has(required.asText()))
                        .as(spec.name() + " requires a declared property " + required).isTrue();
            }
        }
    }

    @Test
    void core_executes_a_real_tool_against_the_workspace() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hello\n");

        assertThat(execute(ToolBox.core(), "read_file", "{\"path\":\"a.txt\"}")).isEqualTo(ToolOutput.ok("     1\thello\n"));
    }
}
