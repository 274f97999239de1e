package dev.cachet.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_id_prompt_and_check() {
        Task task = Task.read(yaml("""
                id: fix-wrap
                prompt: Make the tests pass.
                check: sh check.sh
                """), "fix-wrap.yaml");

        assertThat(task).isEqualTo(new Task("fix-wrap", "Make the tests pass.", "sh check.sh"));
    }

    @Test
    void reads_a_folded_multi_line_prompt() {
        Task task = Task.read(yaml("""
                id: t1
                prompt: >-
                  The tests fail.
                  Fix the bug.
                check: "test -f done && echo ok"
                """), "t1.yaml");

        assertThat(task.prompt()).isEqualTo("The tests fail. Fix the bug.");
        assertThat(task.check()).isEqualTo("test -f done && echo ok");
    }

    @Test
    void reads_the_bundled_demo_task() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("../examples/demo/task.yaml"))) {
            Task task = Task.read(in, "task.yaml");

            assertThat(task.id()).isEqualTo("wrap-off-by-one");
            assertThat(task.check()).isEqualTo("sh check.sh");
            assertThat(task.prompt()).startsWith("The tests of this repository fail").doesNotContain("\n");
        }
    }

    @Test
    void an_unknown_field_is_rejected_naming_the_source_and_the_field() {
        assertThatThrownBy(() -> Task.read(yaml("""
                id: t1
                prompt: fix it
                check: "true"
                timeout: 30s
                """), "tasks/t1.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/t1.yaml")
                .hasMessageContaining("timeout");
    }

    @Test
    void a_missing_field_is_rejected_naming_the_source_and_the_field() {
        assertThatThrownBy(() -> Task.read(yaml("""
                id: t1
                prompt: fix it
                """), "tasks/t1.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/t1.yaml")
                .hasMessageContaining("check");
    }

    @Test
    void a_null_field_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("""
                id: t1
                prompt:
                check: "true"
                """), "tasks/t1.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/t1.yaml");
    }

    @Test
    void an_empty_file_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml(""), "tasks/empty.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/empty.yaml");
    }

    @Test
    void a_file_with_only_comments_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("# nothing here yet\n"), "tasks/comments.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/comments.yaml");
    }

    @Test
    void an_empty_document_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("---\n"), "tasks/doc.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/doc.yaml");
    }

    @Test
    void malformed_yaml_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("""
                id: t1
                prompt: [fix it
                check: "true"
                """), "tasks/broken.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/broken.yaml");
    }

    @Test
    void a_list_instead_of_a_mapping_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("- id: t1\n- prompt: fix it\n"), "tasks/list.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/list.yaml");
    }

    @Test
    void a_blank_check_is_rejected_naming_the_source() {
        assertThatThrownBy(() -> Task.read(yaml("""
                id: t1
                prompt: fix it
                check: "  "
                """), "tasks/blank.yaml"))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/blank.yaml")
                .hasMessageContaining("check");
    }

    @Test
    void constructor_requires_every_field() {
        assertThatThrownBy(() -> new Task("t1", "fix it", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("check");
    }
}
