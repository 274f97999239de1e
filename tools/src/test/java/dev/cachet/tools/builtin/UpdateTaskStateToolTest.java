package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StepStatus;
import dev.cachet.context.state.TaskState;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateTaskStateToolTest {
    private final UpdateTaskStateTool tool = new UpdateTaskStateTool();

    @TempDir
    Path root;

    @Test
    void one_valid_op_is_one_change() {
        assertThat(call(tool, root, "ops", List.of(Map.of("op", "add_fact", "text", "check.sh runs the tests"))))
                .isEqualTo(ToolOutput.ok("task state updated (1 change)"));
    }

    @Test
    void counts_every_op_as_a_change() {
        List<Map<String, Object>> ops = List.of(
                Map.of("op", "add_step", "text", "reproduce"),
                Map.of("op", "set_step_status", "step", 1, "status", "in_progress"),
                Map.of("op", "set_next_step", "text", "run check.sh"));
        assertThat(call(tool, root, "ops", ops)).isEqualTo(ToolOutput.ok("task state updated (3 changes)"));
    }

    @Test
    void a_missing_ops_array_is_a_tool_error() {
        assertThat(call(tool, root)).isEqualTo(
                ToolOutput.error("update_task_state: 'ops' must be a non-empty array of operations"));
    }

    @Test
    void an_empty_ops_array_is_a_tool_error() {
        assertThat(call(tool, root, "ops", List.of())).isEqualTo(
                ToolOutput.error("update_task_state: 'ops' must be a non-empty array of operations"));
    }

    @Test
    void an_unknown_op_is_a_tool_error_naming_its_position_and_the_known_ops() {
        ToolOutput output = call(tool, root, "ops", List.of(
                Map.of("op", "add_fact", "text", "f"), Map.of("op", "delete_everything")));
        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("update_task_state: op 2: unknown op 'delete_everything'; known: ")
                .contains("add_step", "set_step_status", "resolve_question", "set_next_step");
    }

    @Test
    void a_blank_text_is_a_tool_error_naming_the_field() {
        assertThat(call(tool, root, "ops", List.of(Map.of("op", "add_step", "text", "  ")))).isEqualTo(
                ToolOutput.error("update_task_state: op 1: 'text' must be a non-empty string"));
    }

    @Test
    void a_bad_status_is_a_tool_error_listing_the_statuses() {
        ToolOutput output = call(tool, contextWith(root, stateWithSteps(2)), "ops",
                List.of(Map.of("op", "set_step_status", "step", 1, "status", "finished")));
        assertThat(output).isEqualTo(
                ToolOutput.error("update_task_state: op 1: status must be one of todo, in_progress, done, dropped"));
    }

    @Test
    void a_step_number_is_checked_against_the_state_of_the_tool_context() {
        Map<String, Object> markSecondDone = Map.of("op", "set_step_status", "step", 2, "status", "done");

        assertThat(call(tool, contextWith(root, stateWithSteps(2)), "ops", List.of(markSecondDone)))
                .isEqualTo(ToolOutput.ok("task state updated (1 change)"));
        assertThat(call(tool, contextWith(root, stateWithSteps(1)), "ops", List.of(markSecondDone)))
                .isEqualTo(ToolOutput.error("update_task_state: op 1: 'step' must be a number from 1 to 1"));
        assertThat(call(tool, root, "ops", List.of(markSecondDone)))
                .isEqualTo(ToolOutput.error("update_task_state: op 1: there is nothing to refer to by 'step' yet"));
    }

    @Test
    void reads_the_state_when_called_not_when_the_context_is_made() {
        AtomicReference<TaskState> state = new AtomicReference<>(TaskState.forGoal("g"));
        ToolContext context = contextWith(root, state::get);
        Map<String, Object> resolve = Map.of("op", "resolve_question", "question", 1);

        assertThat(call(tool, context, "ops", List.of(resolve)).error()).isTrue();
        state.set(TaskState.forGoal("g").withOpenQuestions(List.of("why?")));
        assertThat(call(tool, context, "ops", List.of(resolve))).isEqualTo(ToolOutput.ok("task state updated (1 change)"));
    }

    @Test
    void checking_the_ops_leaves_the_state_it_was_given_unchanged() {
        TaskState before = stateWithSteps(1);
        List<TaskState> seen = new ArrayList<>();
        ToolContext context = contextWith(root, () -> {
            seen.add(before);
            return before;
        });
        call(tool, context, "ops", List.of(Map.of("op", "add_step", "text", "x"), Map.of("op", "add_fact", "text", "y")));
        assertThat(seen).isNotEmpty();
        assertThat(before).isEqualTo(stateWithSteps(1));
    }

    @Test
    void a_step_added_earlier_in_the_call_can_be_updated_later_in_it() {
        assertThat(call(tool, root, "ops", List.of(
                Map.of("op", "add_step", "text", "a"),
                Map.of("op", "set_step_status", "step", 1, "status", "done"))))
                .isEqualTo(ToolOutput.ok("task state updated (2 changes)"));
    }

    @Test
    void ops_that_are_not_json_come_back_as_an_error_from_the_tool_box() {
        ToolOutput output = new ToolBox(List.of(tool)).execute(new ToolCall("c1", "update_task_state", "{\"ops\": ["), context(root));
        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("arguments of update_task_state are not valid JSON");
    }

    @Test
    void is_a_core_tool_named_update_task_state() {
        assertThat(tool.name()).isEqualTo("update_task_state");
        assertThat(ToolBox.core().specs()).extracting(ToolSpec::name).contains("update_task_state");
    }

    @Test
    void its_schema_requires_ops_and_lists_the_ops_and_statuses_the_parser_accepts() {
        JsonNode schema = tool.spec().parameters();
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("ops");
        JsonNode ops = schema.at("/properties/ops");
        assertThat(ops.get("type").asText()).isEqualTo("array");
        assertThat(ops.at("/items/properties/op/enum")).extracting(JsonNode::asText).containsExactly(
                "add_step", "set_step_status", "add_fact", "set_file", "add_decision", "add_question",
                "resolve_question", "set_next_step");
        assertThat(ops.at("/items/properties/status/enum")).extracting(JsonNode::asText)
                .containsExactly("todo", "in_progress", "done", "dropped");
        assertThat(ops.at("/items/properties/step/type").asText()).isEqualTo("integer");
        assertThat(ops.at("/items/properties/question/type").asText()).isEqualTo("integer");
    }

    @Test
    void every_op_the_schema_lists_is_accepted() {
        TaskState state = stateWithSteps(1).withOpenQuestions(List.of("q"));
        ToolContext context = contextWith(root, () -> state);
        for (JsonNode name : tool.spec().parameters().at("/properties/ops/items/properties/op/enum")) {
            Map<String, Object> op = Map.of("op", name.asText(), "text", "t", "path", "p", "why", "w",
                    "step", 1, "status", "done", "question", 1);
            assertThat(call(tool, context, "ops", List.of(op))).as(name.asText())
                    .isEqualTo(ToolOutput.ok("task state updated (1 change)"));
        }
    }

    private static ToolContext contextWith(Path dir, Supplier<TaskState> state) {
        return new ToolContext(new Workspace(dir), Map.of(), ToolContext.DEFAULT_COMMAND_TIMEOUT,
                ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS, state, Sandbox.DEFAULT, Approver.ALWAYS);
    }

    private static ToolContext contextWith(Path dir, TaskState state) {
        return contextWith(dir, () -> state);
    }

    private static TaskState stateWithSteps(int count) {
        List<PlanStep> plan = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            plan.add(new PlanStep("step " + i, StepStatus.TODO));
        }
        return TaskState.forGoal("g").withPlan(plan);
    }
}
