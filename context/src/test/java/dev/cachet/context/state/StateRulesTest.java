package dev.cachet.context.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import org.junit.jupiter.api.Test;

class StateRulesTest {
    private final StateRules rules = new StateRules();
    private final TaskState start = TaskState.forGoal("goal");

    @Test
    void file_tools_record_the_path_and_how_it_was_touched() {
        TaskState state = apply(start, "read_file", "{\"path\":\"a.txt\"}", "1\thi", false);
        state = apply(state, "edit_file", "{\"path\":\"b.txt\",\"old_string\":\"x\",\"new_string\":\"y\"}", "edited b.txt", false);
        state = apply(state, "write_file", "{\"path\":\"c.txt\",\"content\":\"\"}", "created c.txt", false);
        assertThat(state.files()).containsEntry("a.txt", "read").containsEntry("b.txt", "edited")
                .containsEntry("c.txt", "written").hasSize(3);
    }

    @Test
    void a_failed_tool_call_becomes_the_last_error_and_touches_no_file() {
        TaskState state = apply(start, "edit_file", "{\"path\":\"b.txt\"}", "old_string not found in b.txt\nmore", true);
        assertThat(state.lastError()).isEqualTo("edit_file: old_string not found in b.txt");
        assertThat(state.files()).isEmpty();
    }

    @Test
    void a_failing_command_is_the_last_error_until_a_command_succeeds() {
        TaskState failed = apply(start, "run_command", "{\"command\":\"sh check.sh\"}",
                "exit code 1\nok: one\nAssertionError: expected [a] but got [b]\n\n", false);
        assertThat(failed.lastError()).isEqualTo("`sh check.sh` exited 1: AssertionError: expected [a] but got [b]");

        TaskState passed = apply(failed, "run_command", "{\"command\":\"sh check.sh\"}", "exit code 0\nall good", false);
        assertThat(passed.lastError()).isEmpty();
    }

    @Test
    void other_tools_and_unparseable_arguments_leave_the_state_alone() {
        assertThat(apply(start, "grep", "{\"pattern\":\"x\"}", "a:1: x", false)).isEqualTo(start);
        assertThat(apply(start, "read_file", "{\"path\": ", "?", false)).isEqualTo(start);
        assertThat(apply(start, "read_file", "", "?", false)).isEqualTo(start);
    }

    @Test
    void long_errors_are_clipped() {
        TaskState state = apply(start, "grep", "{}", "x".repeat(1000), true);
        assertThat(state.lastError()).hasSize(303).endsWith("...");
    }

    private TaskState apply(TaskState state, String tool, String args, String output, boolean error) {
        return rules.apply(state, new ToolCall("c", tool, args), new ToolResult("c", tool, output, error));
    }
}
