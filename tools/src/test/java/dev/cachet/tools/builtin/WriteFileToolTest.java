package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFileToolTest {
    private final WriteFileTool tool = new WriteFileTool();

    @TempDir
    Path root;

    @Test
    void creates_a_file_and_its_parent_directories() throws IOException {
        ToolOutput output = call(tool, root, "path", "a/b/c.txt", "content", "one\ntwo\n");

        assertThat(output).isEqualTo(ToolOutput.ok("created a/b/c.txt (2 lines)"));
        assertThat(Files.readString(root.resolve("a/b/c.txt"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void overwrites_an_existing_file_and_says_so() throws IOException {
        Files.writeString(root.resolve("f.txt"), "a much longer old content\nwith two lines\n");

        ToolOutput output = call(tool, root, "path", "f.txt", "content", "new");

        assertThat(output).isEqualTo(ToolOutput.ok("overwrote f.txt (1 lines)"));
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo("new");
    }

    @Test
    void writes_an_empty_file() throws IOException {
        assertThat(call(tool, root, "path", "empty.txt", "content", "")).isEqualTo(ToolOutput.ok("created empty.txt (0 lines)"));
        assertThat(root.resolve("empty.txt")).isEmptyFile();
    }

    @Test
    void writes_utf8() throws IOException {
        call(tool, root, "path", "u.txt", "content", "h\u00e9llo \u2713\n");

        assertThat(Files.readAllBytes(root.resolve("u.txt"))).isEqualTo("h\u00e9llo \u2713\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refuses_a_directory() throws IOException {
        Files.createDirectories(root.resolve("src/pkg"));

        assertThat(call(tool, root, "path", "src", "content", "x")).isEqualTo(ToolOutput.error("src is a directory"));
        assertThat(root.resolve("src/pkg")).isDirectory();
    }

    @Test
    void reports_a_parent_that_is_a_file() throws IOException {
        Files.writeString(root.resolve("plain"), "keep\n");

        ToolOutput output = call(tool, root, "path", "plain/child.txt", "content", "x");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("cannot write plain/child.txt: ");
        assertThat(Files.readString(root.resolve("plain"))).isEqualTo("keep\n");
    }

    @Test
    void requires_content() {
        assertThat(call(tool, root, "path", "f.txt"))
                .isEqualTo(ToolOutput.error("write_file: missing required string argument 'content'"));
        assertThat(root.resolve("f.txt")).doesNotExist();
    }
}
