package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static dev.cachet.tools.ToolTesting.declining;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFileToolTest {
    private static final String TEXT = "old\n";

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

        assertThat(output).isEqualTo(ToolOutput.ok("overwrote f.txt (1 line)"));
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

    @Test
    void a_read_only_sandbox_refuses_it_and_says_how_to_allow_it() throws IOException {
        Files.writeString(root.resolve("f.txt"), TEXT);

        ToolOutput output = call(tool, context(root).withSandbox(Sandbox.of(SandboxMode.READ_ONLY)),
                "path", "f.txt", "content", "one\ntwo\n");

        assertThat(output).isEqualTo(ToolOutput.error(
                "read-only sandbox: write_file refused; run with --sandbox workspace-write to allow edits"));
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo(TEXT);
    }

    @Test
    void asks_first_and_changes_nothing_when_the_user_declines() throws IOException {
        Files.writeString(root.resolve("f.txt"), TEXT);
        List<String> asked = new ArrayList<>();

        ToolOutput output = call(tool, context(root).withApprover(declining(asked)),
                "path", "f.txt", "content", "one\ntwo\n");

        assertThat(asked).containsExactly("write f.txt (overwrite, 2 lines, 8 chars)");
        assertThat(output).isEqualTo(
                ToolOutput.error("the user declined: write f.txt (overwrite, 2 lines, 8 chars); nothing was done"));
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo(TEXT);
    }

    @Test
    void the_question_names_where_a_link_takes_the_write() throws IOException {
        // A committed link docs -> .git: "write docs/config" would rewrite the repository's config.
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n");
        Files.createSymbolicLink(root.resolve("docs"), Path.of(".git"));
        List<String> asked = new ArrayList<>();

        call(tool, context(root).withApprover(declining(asked)), "path", "docs/config", "content", "[core]\n");

        assertThat(asked).containsExactly("write docs/config (.git/config) (overwrite, 1 line, 7 chars)");
    }
}
