package dev.cachet.context.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateTest {
    @Test
    void renders_goal_files_in_path_order_and_the_last_error() {
        TaskState state = TaskState.forGoal("fix the test")
                .touch("src/b.java", FileTouch.EDITED)
                .touch("README.md", FileTouch.READ)
                .withLastError("`make` exited 2: boom");

        assertThat(state.render()).isEqualTo("""
                ## Task state

                Goal: fix the test

                Files:
                - README.md: read
                - src/b.java: edited

                Last error: `make` exited 2: boom
                """);
    }

    @Test
    void the_same_state_reached_in_a_different_order_renders_the_same_bytes() {
        TaskState a = TaskState.forGoal("g").touch("x", FileTouch.READ).touch("y", FileTouch.WRITTEN);
        TaskState b = TaskState.forGoal("g").touch("y", FileTouch.WRITTEN).touch("x", FileTouch.READ);
        assertThat(a.render()).isEqualTo(b.render());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void a_read_never_downgrades_an_edit() {
        TaskState state = TaskState.forGoal("g").touch("a", FileTouch.EDITED).touch("a", FileTouch.READ);
        assertThat(state.files()).containsEntry("a", "edited");
    }

    @Test
    void an_empty_state_renders_only_the_goal() {
        assertThat(TaskState.forGoal("g").render()).isEqualTo("## Task state\n\nGoal: g\n");
    }

    @Test
    void round_trips_through_json() throws Exception {
        TaskState state = TaskState.forGoal("g").touch("a", FileTouch.WRITTEN).withLastError("e");
        String json = Json.mapper().writeValueAsString(state);
        assertThat(Json.mapper().readValue(json, TaskState.class)).isEqualTo(state);
    }

    @Test
    void renders_every_section_in_order_as_compact_markdown() {
        assertThat(full().render()).isEqualTo("""
                ## Task state

                Goal: fix the wrap bug

                Plan:
                1. [done] find the bug
                2. [in progress] fix it
                3. [dropped] rewrite everything
                4. [todo] run the tests

                Facts:
                - check.sh runs the tests
                - wrap breaks one column early

                Files:
                - README.md: read
                - src/TextWrap.java: holds the off-by-one

                Decisions:
                - keep the public API

                Open questions:
                1. is the width inclusive?
                2. what about tabs?

                Last error: `sh check.sh` exited 1: AssertionError

                Next step: change < to <= on line 12
                """);
    }

    @Test
    void empty_sections_are_left_out_and_only_filled_ones_render() {
        TaskState state = TaskState.forGoal("g").withDecision("use a TreeMap").withNextStep("write the test");
        assertThat(state.render()).isEqualTo("""
                ## Task state

                Goal: g

                Decisions:
                - use a TreeMap

                Next step: write the test
                """);
    }

    @Test
    void a_cleared_last_error_no_longer_renders() {
        TaskState state = TaskState.forGoal("g").withLastError("boom").withLastError("");
        assertThat(state.render()).isEqualTo("## Task state\n\nGoal: g\n");
    }

    @Test
    void every_field_reached_in_a_different_order_renders_the_same_bytes() {
        TaskState a = TaskState.forGoal("g")
                .withFact("f1")
                .withFile("b.txt", "config")
                .touch("a.txt", FileTouch.READ)
                .touch("a.txt", FileTouch.EDITED)
                .withDecision("d1")
                .withNextStep("n");
        TaskState b = TaskState.forGoal("g")
                .withNextStep("n")
                .touch("a.txt", FileTouch.EDITED)
                .withDecision("d1")
                .withFile("b.txt", "config")
                .withFact("f1")
                .withFact("f1")
                .touch("a.txt", FileTouch.READ)
                .withDecision("d1");

        assertThat(b.render().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(a.render().getBytes(StandardCharsets.UTF_8));
        assertThat(b).isEqualTo(a);
        assertThat(b.files()).containsExactly(Map.entry("a.txt", "edited"), Map.entry("b.txt", "config"));
    }

    @Test
    void files_given_unsorted_to_the_constructor_come_out_sorted() {
        Map<String, String> files = new HashMap<>();
        files.put("z", "1");
        files.put("a", "2");
        files.put("m", "3");
        TaskState state = new TaskState("g", List.of(), List.of(), files, List.of(), List.of(), "", "");
        assertThat(state.files().keySet()).containsExactly("a", "m", "z");
    }

    @Test
    void round_trips_every_field_through_the_session_log_json() throws Exception {
        TaskState state = full();
        String json = Json.mapper().writeValueAsString(state);

        TaskState back = Json.mapper().readValue(json, TaskState.class);
        assertThat(back).isEqualTo(state);
        assertThat(back.render()).isEqualTo(state.render());

        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("goal").asText()).isEqualTo("fix the wrap bug");
        assertThat(tree.at("/plan/1/text").asText()).isEqualTo("fix it");
        assertThat(tree.at("/plan/1/status").asText()).isEqualTo("in_progress");
        assertThat(tree.at("/files/src~1TextWrap.java").asText()).isEqualTo("holds the off-by-one");
        assertThat(tree.at("/open_questions/1").asText()).isEqualTo("what about tabs?");
        assertThat(tree.get("last_error").asText()).isEqualTo("`sh check.sh` exited 1: AssertionError");
        assertThat(tree.get("next_step").asText()).isEqualTo("change < to <= on line 12");
    }

    @Test
    void every_step_status_round_trips_by_its_label() throws Exception {
        for (StepStatus status : StepStatus.values()) {
            TaskState state = TaskState.forGoal("g").withPlan(List.of(new PlanStep("s", status)));
            String json = Json.mapper().writeValueAsString(state);
            assertThat(Json.mapper().readTree(json).at("/plan/0/status").asText())
                    .isEqualTo(status.name().toLowerCase(Locale.ROOT));
            assertThat(Json.mapper().readValue(json, TaskState.class)).isEqualTo(state);
        }
    }

    @Test
    void a_stronger_touch_upgrades_and_a_weaker_one_never_downgrades() {
        TaskState state = TaskState.forGoal("g").touch("a", FileTouch.READ);
        assertThat(state.files()).containsEntry("a", "read");
        state = state.touch("a", FileTouch.EDITED);
        assertThat(state.files()).containsEntry("a", "edited");
        state = state.touch("a", FileTouch.WRITTEN);
        assertThat(state.files()).containsEntry("a", "written");
        assertThat(state.touch("a", FileTouch.EDITED).touch("a", FileTouch.READ).files()).containsEntry("a", "written");
        assertThat(state.touch("a", FileTouch.WRITTEN)).isEqualTo(state);
    }

    @Test
    void a_touch_never_overwrites_what_the_model_said_about_a_file() {
        TaskState state = TaskState.forGoal("g").withFile("src/Wrap.java", "the file with the bug");
        for (FileTouch touch : FileTouch.values()) {
            assertThat(state.touch("src/Wrap.java", touch).files()).containsExactly(
                    Map.entry("src/Wrap.java", "the file with the bug"));
        }
    }

    @Test
    void the_model_can_replace_a_touch_with_its_own_words() {
        TaskState state = TaskState.forGoal("g").touch("a", FileTouch.WRITTEN).withFile("a", "generated fixture");
        assertThat(state.files()).containsEntry("a", "generated fixture");
    }

    @Test
    void facts_and_decisions_are_kept_once_in_the_order_first_given() {
        TaskState state = TaskState.forGoal("g").withFact("b").withFact("a").withFact("b")
                .withDecision("y").withDecision("x").withDecision("y");
        assertThat(state.facts()).containsExactly("b", "a");
        assertThat(state.decisions()).containsExactly("y", "x");
    }

    @Test
    void is_immutable_whatever_the_caller_does_with_its_lists() {
        List<PlanStep> plan = new ArrayList<>(List.of(new PlanStep("one", StepStatus.TODO)));
        List<String> facts = new ArrayList<>(List.of("f"));
        Map<String, String> files = new HashMap<>(Map.of("a", "read"));
        TaskState state = new TaskState("g", plan, facts, files, List.of(), List.of(), "", "");
        plan.add(new PlanStep("two", StepStatus.TODO));
        facts.clear();
        files.put("b", "read");

        assertThat(state.plan()).hasSize(1);
        assertThat(state.facts()).containsExactly("f");
        assertThat(state.files()).containsOnlyKeys("a");
        assertThatThrownBy(() -> state.files().put("c", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.plan().add(new PlanStep("x", StepStatus.DONE)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static TaskState full() {
        return TaskState.forGoal("fix the wrap bug")
                .withPlan(List.of(
                        new PlanStep("find the bug", StepStatus.DONE),
                        new PlanStep("fix it", StepStatus.IN_PROGRESS),
                        new PlanStep("rewrite everything", StepStatus.DROPPED),
                        new PlanStep("run the tests", StepStatus.TODO)))
                .withFact("check.sh runs the tests")
                .withFact("wrap breaks one column early")
                .withFile("src/TextWrap.java", "holds the off-by-one")
                .touch("README.md", FileTouch.READ)
                .withDecision("keep the public API")
                .withOpenQuestions(List.of("is the width inclusive?", "what about tabs?"))
                .withLastError("`sh check.sh` exited 1: AssertionError")
                .withNextStep("change < to <= on line 12");
    }
}
