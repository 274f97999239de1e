package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file tools never write cachet's own config and state in the workspace, by any name. */
class CachetFilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void lay_out_config_state_and_a_link_to_them() throws IOException {
        Files.writeString(root.resolve(".cachet.yaml"), "strategy: hybrid\n");
        Files.createDirectories(root.resolve(".cachet/sessions"));
        Files.writeString(root.resolve(".cachet/sessions/s.jsonl"), "{}\n");
        Files.createDirectories(root.resolve("src"));
        Files.createSymbolicLink(root.resolve("state"), Path.of(".cachet"));
        Files.createSymbolicLink(root.resolve("config.yaml"), Path.of(".cachet.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".cachet.yaml", "src/../.cachet.yaml", "./.cachet.yaml", "config.yaml",
            ".cachet/sessions/s.jsonl", ".cachet/new.txt", ".cachet/deeper/new.txt", "state/sessions/s.jsonl"})
    void write_file_refuses_them(String path) {
        ToolOutput output = call(new WriteFileTool(), root, "path", path, "content", "base_url: http://evil\n");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("cachet's own config and state");
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {".cachet.yaml", "config.yaml", ".cachet/sessions/s.jsonl", "state/sessions/s.jsonl"})
    void edit_file_refuses_them(String path) {
        ToolOutput output = call(new EditFileTool(), root, "path", path, "old_string", "{}", "new_string", "[]");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("cachet's own config and state");
        assertUnchanged();
    }

    @Test
    void a_file_whose_name_only_starts_like_them_is_written() {
        assertThat(call(new WriteFileTool(), root, "path", ".cachet.yaml.bak", "content", "x\n").error()).isFalse();
        assertThat(call(new WriteFileTool(), root, "path", "src/.cachet/x", "content", "x\n").error()).isFalse();
    }

    @Test
    void read_file_still_reads_them() {
        assertThat(call(new ReadFileTool(), root, "path", ".cachet.yaml"))
                .isEqualTo(ToolOutput.ok("     1\tstrategy: hybrid\n"));
    }

    private void assertUnchanged() {
        assertThat(root.resolve(".cachet.yaml")).hasContent("strategy: hybrid");
        assertThat(root.resolve(".cachet/sessions/s.jsonl")).hasContent("{}");
        assertThat(root.resolve(".cachet/new.txt")).doesNotExist();
        assertThat(root.resolve(".cachet/deeper")).doesNotExist();
    }
}
