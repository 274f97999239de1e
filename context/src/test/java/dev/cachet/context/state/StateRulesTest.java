package dev.cachet.context.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.List;
import java.util.Map;
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

    @Test
    void a_successful_update_task_state_call_applies_its_ops() {
        TaskState state = apply(start, "update_task_state", """
                {"ops": [{"op": "add_step", "text": "reproduce"},
                         {"op": "set_step_status", "step": 1, "status": "in_progress"},
                         {"op": "add_fact", "text": "check.sh runs the tests"},
                         {"op": "set_file", "path": "src/Wrap.java", "why": "has the bug"},
                         {"op": "set_next_step", "text": "run check.sh"}]}""",
                "task state updated (5 changes)", false);

        assertThat(state.plan()).containsExactly(new PlanStep("reproduce", StepStatus.IN_PROGRESS));
        assertThat(state.facts()).containsExactly("check.sh runs the tests");
        assertThat(state.files()).containsExactly(Map.entry("src/Wrap.java", "has the bug"));
        assertThat(state.nextStep()).isEqualTo("run check.sh");
        assertThat(state.lastError()).isEmpty();
        assertThat(state.goal()).isEqualTo("goal");
    }

    @Test
    void step_numbers_of_an_update_refer_to_the_state_it_is_applied_to() {
        TaskState planned = start.withPlan(List.of(new PlanStep("a", StepStatus.DONE), new PlanStep("b", StepStatus.TODO)));
        TaskState state = apply(planned, "update_task_state",
                "{\"ops\":[{\"op\":\"set_step_status\",\"step\":2,\"status\":\"done\"}]}", "task state updated (1 change)", false);
        assertThat(state.plan()).extracting(PlanStep::status).containsExactly(StepStatus.DONE, StepStatus.DONE);
    }

    @Test
    void a_failed_update_task_state_call_changes_nothing_but_the_last_error() {
        String args = "{\"ops\":[{\"op\":\"add_step\",\"text\":\"a\"},{\"op\":\"add_fact\"}]}";
        TaskState state = apply(start, "update_task_state", args,
                "update_task_state: op 2: 'text' must be a non-empty string", true);

        assertThat(state.plan()).isEmpty();
        assertThat(state.facts()).isEmpty();
        assertThat(state.lastError()).startsWith("update_task_state: ").endsWith("op 2: 'text' must be a non-empty string");
        assertThat(state.withLastError("")).isEqualTo(start);
    }

    @Test
    void an_update_that_was_an_error_is_ignored_even_when_its_ops_would_apply() {
        TaskState state = apply(start, "update_task_state", "{\"ops\":[{\"op\":\"add_fact\",\"text\":\"f\"}]}",
                "update_task_state crashed: boom", true);
        assertThat(state.facts()).isEmpty();
        assertThat(state.lastError()).isEqualTo("update_task_state: update_task_state crashed: boom");
    }

    @Test
    void an_update_keeps_the_last_error_and_the_files_already_recorded() {
        TaskState before = apply(start, "read_file", "{\"path\":\"a.txt\"}", "1\thi", false).withLastError("`make` exited 2: x");
        TaskState state = apply(before, "update_task_state", "{\"ops\":[{\"op\":\"add_decision\",\"text\":\"d\"}]}",
                "task state updated (1 change)", false);
        assertThat(state.files()).containsExactly(Map.entry("a.txt", "read"));
        assertThat(state.lastError()).isEqualTo("`make` exited 2: x");
        assertThat(state.decisions()).containsExactly("d");
    }

    @Test
    void a_later_read_of_a_file_the_model_described_keeps_the_description() {
        TaskState described = apply(start, "update_task_state",
                "{\"ops\":[{\"op\":\"set_file\",\"path\":\"a.txt\",\"why\":\"the input fixture\"}]}", "ok", false);
        TaskState state = apply(described, "edit_file", "{\"path\":\"a.txt\",\"old_string\":\"x\",\"new_string\":\"y\"}",
                "edited a.txt", false);
        assertThat(state.files()).containsExactly(Map.entry("a.txt", "the input fixture"));
    }

    @Test
    void a_read_after_an_edit_keeps_edited() {
        TaskState state = apply(start, "edit_file", "{\"path\":\"a.txt\",\"old_string\":\"x\",\"new_string\":\"y\"}", "ok", false);
        state = apply(state, "read_file", "{\"path\":\"a.txt\"}", "1\ty", false);
        assertThat(state.files()).containsExactly(Map.entry("a.txt", "edited"));
    }

    @Test
    void a_command_output_without_an_exit_code_leaves_the_last_error_alone() {
        TaskState failed = start.withLastError("old");
        assertThat(apply(failed, "run_command", "{\"command\":\"x\"}", "timed out after 2m", false)).isEqualTo(failed);
    }

    private TaskState apply(TaskState state, String tool, String args, String output, boolean error) {
        return rules.apply(state, new ToolCall("c", tool, args), new ToolResult("c", tool, output, error));
    }
}
