package dev.cachet.context.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Json;
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
}
