package dev.cachet.context.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cachet.context.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskStateOpTest {
    private static final String KNOWN_OPS = "add_step, set_step_status, add_fact, set_file, add_decision, add_question, "
            + "resolve_question, set_next_step";

    private final TaskState empty = TaskState.forGoal("fix it");
    private final TaskState twoSteps = empty.withPlan(List.of(
            new PlanStep("find the bug", StepStatus.IN_PROGRESS), new PlanStep("fix it", StepStatus.TODO)));

    @Test
    void parses_every_op_into_its_record() {
        List<TaskStateOp> ops = TaskStateOp.parse(json("""
                {"ops": [
                  {"op": "add_step", "text": "find the bug"},
                  {"op": "set_step_status", "step": 1, "status": "in_progress"},
                  {"op": "add_fact", "text": "check.sh runs the tests"},
                  {"op": "set_file", "path": "src/Wrap.java", "why": "has the bug"},
                  {"op": "add_decision", "text": "keep the API"},
                  {"op": "add_question", "text": "inclusive width?"},
                  {"op": "resolve_question", "question": 1},
                  {"op": "set_next_step", "text": "edit line 12"}
                ]}"""), empty);

        assertThat(ops).containsExactly(
                new TaskStateOp.AddStep("find the bug"),
                new TaskStateOp.SetStepStatus(1, StepStatus.IN_PROGRESS),
                new TaskStateOp.AddFact("check.sh runs the tests"),
                new TaskStateOp.SetFile("src/Wrap.java", "has the bug"),
                new TaskStateOp.AddDecision("keep the API"),
                new TaskStateOp.AddQuestion("inclusive width?"),
                new TaskStateOp.ResolveQuestion(1),
                new TaskStateOp.SetNextStep("edit line 12"));
    }

    @Test
    void applying_every_op_in_order_gives_the_expected_state() {
        TaskState after = applyAll(empty, """
                {"ops": [
                  {"op": "add_step", "text": "find the bug"},
                  {"op": "add_step", "text": "fix it"},
                  {"op": "add_step", "text": "rewrite it all"},
                  {"op": "set_step_status", "step": 1, "status": "done"},
                  {"op": "set_step_status", "step": 2, "status": "in_progress"},
                  {"op": "set_step_status", "step": 3, "status": "dropped"},
                  {"op": "add_fact", "text": "check.sh runs the tests"},
                  {"op": "add_fact", "text": "check.sh runs the tests"},
                  {"op": "set_file", "path": "src/Wrap.java", "why": "has the bug"},
                  {"op": "add_decision", "text": "keep the API"},
                  {"op": "add_question", "text": "inclusive width?"},
                  {"op": "add_question", "text": "tabs?"},
                  {"op": "resolve_question", "question": 1},
                  {"op": "set_next_step", "text": "edit line 12"}
                ]}""");

        TaskState expected = new TaskState("fix it",
                List.of(new PlanStep("find the bug", StepStatus.DONE), new PlanStep("fix it", StepStatus.IN_PROGRESS),
                        new PlanStep("rewrite it all", StepStatus.DROPPED)),
                List.of("check.sh runs the tests"),
                Map.of("src/Wrap.java", "has the bug"),
                List.of("keep the API"),
                List.of("tabs?"),
                "",
                "edit line 12");
        assertThat(after).isEqualTo(expected);
    }

    @Test
    void a_set_step_status_can_move_a_step_back_to_todo() {
        TaskState after = applyAll(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":1,\"status\":\"todo\"}]}");
        assertThat(after.plan()).containsExactly(
                new PlanStep("find the bug", StepStatus.TODO), new PlanStep("fix it", StepStatus.TODO));
    }

    @Test
    void set_file_replaces_what_was_said_about_the_file_and_set_next_step_replaces_the_next_step() {
        TaskState start = empty.withFile("a.txt", "read").withNextStep("old");
        TaskState after = applyAll(start, """
                {"ops": [{"op": "set_file", "path": "a.txt", "why": "the fixture"},
                         {"op": "set_next_step", "text": "new"}]}""");
        assertThat(after.files()).containsExactly(Map.entry("a.txt", "the fixture"));
        assertThat(after.nextStep()).isEqualTo("new");
    }

    @Test
    void texts_are_stripped_of_surrounding_whitespace() {
        TaskState after = applyAll(empty, "{\"ops\":[{\"op\":\"add_fact\",\"text\":\"  spaced out \\n\"}]}");
        assertThat(after.facts()).containsExactly("spaced out");
    }

    @Test
    void a_step_added_earlier_in_the_same_call_can_be_referred_to_by_its_number() {
        TaskState after = applyAll(empty, """
                {"ops": [{"op": "add_step", "text": "a"},
                         {"op": "add_step", "text": "b"},
                         {"op": "set_step_status", "step": 2, "status": "done"}]}""");
        assertThat(after.plan()).containsExactly(new PlanStep("a", StepStatus.TODO), new PlanStep("b", StepStatus.DONE));
    }

    @Test
    void a_question_added_earlier_in_the_same_call_can_be_resolved() {
        TaskState after = applyAll(empty, """
                {"ops": [{"op": "add_question", "text": "q"}, {"op": "resolve_question", "question": 1}]}""");
        assertThat(after.openQuestions()).isEmpty();
    }

    @Test
    void a_question_resolved_earlier_in_the_same_call_cannot_be_resolved_again() {
        TaskState oneQuestion = empty.withOpenQuestions(List.of("q"));
        assertThatThrownBy(() -> parse(oneQuestion, """
                {"ops": [{"op": "resolve_question", "question": 1}, {"op": "resolve_question", "question": 1}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("op 2: there is nothing to refer to by 'question' yet");
    }

    @Test
    void resolving_renumbers_the_later_questions() {
        TaskState three = empty.withOpenQuestions(List.of("q1", "q2", "q3"));
        TaskState after = applyAll(three, """
                {"ops": [{"op": "resolve_question", "question": 1}, {"op": "resolve_question", "question": 2}]}""");
        assertThat(after.openQuestions()).containsExactly("q2");
        assertThatThrownBy(() -> parse(three, """
                {"ops": [{"op": "resolve_question", "question": 1}, {"op": "resolve_question", "question": 3}]}"""))
                .hasMessage("op 2: 'question' must be a number from 1 to 2");
    }

    @Test
    void parsing_leaves_the_given_state_alone() {
        TaskState before = twoSteps;
        parse(before, "{\"ops\":[{\"op\":\"add_step\",\"text\":\"c\"},{\"op\":\"set_step_status\",\"step\":3,\"status\":\"done\"}]}");
        assertThat(before.plan()).hasSize(2);
        assertThat(before).isEqualTo(twoSteps);
    }

    @Test
    void a_missing_text_names_the_op_position_and_the_field() {
        assertError(empty, "{\"ops\":[{\"op\":\"add_fact\",\"text\":\"ok\"},{\"op\":\"add_step\"}]}",
                "op 2: 'text' must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "\"\\n\\t\"", "42", "null", "[\"a\"]", "{}"})
    void a_blank_or_non_string_text_is_an_error(String text) {
        assertError(empty, "{\"ops\":[{\"op\":\"add_decision\",\"text\":" + text + "}]}",
                "op 1: 'text' must be a non-empty string");
    }

    @Test
    void set_file_needs_both_a_path_and_a_why() {
        assertError(empty, "{\"ops\":[{\"op\":\"set_file\",\"why\":\"x\"}]}", "op 1: 'path' must be a non-empty string");
        assertError(empty, "{\"ops\":[{\"op\":\"set_file\",\"path\":\"a\",\"why\":\" \"}]}",
                "op 1: 'why' must be a non-empty string");
    }

    @Test
    void an_op_without_a_name_or_that_is_not_an_object_is_an_error() {
        assertError(empty, "{\"ops\":[{\"text\":\"x\"}]}", "op 1: 'op' must be a non-empty string");
        assertError(empty, "{\"ops\":[\"add_step\"]}", "op 1: 'op' must be a non-empty string");
        assertError(empty, "{\"ops\":[{\"op\":7}]}", "op 1: 'op' must be a non-empty string");
    }

    @Test
    void an_unknown_op_names_its_position_and_lists_the_known_ones() {
        assertError(empty, "{\"ops\":[{\"op\":\"add_fact\",\"text\":\"x\"},{\"op\":\"add_goal\",\"text\":\"y\"}]}",
                "op 2: unknown op 'add_goal'; known: " + KNOWN_OPS);
    }

    @Test
    void op_names_are_case_sensitive() {
        assertError(empty, "{\"ops\":[{\"op\":\"ADD_STEP\",\"text\":\"y\"}]}", "op 1: unknown op 'ADD_STEP'; known: " + KNOWN_OPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"finished\"", "\"in progress\"", "\"DONE\"", "\"Done\""})
    void a_status_that_is_not_one_of_the_four_is_an_error(String status) {
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":1,\"status\":" + status + "}]}",
                "op 1: status must be one of todo, in_progress, done, dropped");
    }

    @Test
    void a_missing_status_is_an_error_naming_the_field() {
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":1}]}",
                "op 1: 'status' must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3", "-1", "1.5", "\"1\"", "null", "true"})
    void a_step_that_is_not_a_number_of_the_plan_is_an_error_giving_the_range(String step) {
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":" + step + ",\"status\":\"done\"}]}",
                "op 1: 'step' must be a number from 1 to 2");
    }

    @Test
    void a_missing_step_number_is_an_error_giving_the_range() {
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"status\":\"done\"}]}",
                "op 1: 'step' must be a number from 1 to 2");
    }

    @Test
    void a_step_number_too_big_for_an_int_is_out_of_range_not_wrapped() {
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":4294967297,\"status\":\"done\"}]}",
                "op 1: 'step' must be a number from 1 to 2");
        assertError(twoSteps, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":18446744073709551617,\"status\":\"done\"}]}",
                "op 1: 'step' must be a number from 1 to 2");
    }

    @Test
    void a_step_number_with_nothing_to_refer_to_says_so() {
        assertError(empty, "{\"ops\":[{\"op\":\"set_step_status\",\"step\":1,\"status\":\"done\"}]}",
                "op 1: there is nothing to refer to by 'step' yet");
        assertError(empty, "{\"ops\":[{\"op\":\"resolve_question\",\"question\":1}]}",
                "op 1: there is nothing to refer to by 'question' yet");
    }

    @Test
    void a_step_number_is_checked_against_the_plan_as_the_earlier_ops_leave_it() {
        assertError(empty, """
                {"ops": [{"op": "add_step", "text": "a"},
                         {"op": "set_step_status", "step": 2, "status": "done"}]}""",
                "op 2: 'step' must be a number from 1 to 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ops\":[]}", "{\"ops\":{}}", "{\"ops\":\"add_step\"}", "{\"ops\":null}", "{\"op\":\"add_step\",\"text\":\"x\"}"})
    void an_empty_or_missing_ops_array_is_an_error(String args) {
        assertError(empty, args, "'ops' must be a non-empty array of operations");
    }

    @Test
    void arguments_that_are_not_an_object_are_an_error_too() {
        assertError(empty, "[]", "'ops' must be a non-empty array of operations");
        assertThatThrownBy(() -> TaskStateOp.parse(MissingNode.getInstance(), empty))
                .hasMessage("'ops' must be a non-empty array of operations");
    }

    @Test
    void one_bad_op_rejects_the_whole_call() {
        assertError(empty, """
                {"ops": [{"op": "add_step", "text": "a"}, {"op": "add_fact", "text": "f"}, {"op": "frobnicate"}]}""",
                "op 3: unknown op 'frobnicate'; known: " + KNOWN_OPS);
    }

    private static void assertError(TaskState state, String args, String message) {
        assertThatThrownBy(() -> parse(state, args)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static List<TaskStateOp> parse(TaskState state, String args) {
        return TaskStateOp.parse(json(args), state);
    }

    private static TaskState applyAll(TaskState state, String args) {
        TaskState next = state;
        for (TaskStateOp op : parse(state, args)) {
            next = op.applyTo(next);
        }
        return next;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }
}
