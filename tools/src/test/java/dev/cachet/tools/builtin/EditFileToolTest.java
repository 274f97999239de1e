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

class EditFileToolTest {
    private static final String TEXT = "alpha\nbeta\ngamma\n";

    private final EditFileTool tool = new EditFileTool();

    @TempDir
    Path root;

    private Path file(String content) throws IOException {
        return Files.writeString(root.resolve("f.txt"), content);
    }

    @Test
    void replaces_a_unique_string_writes_the_file_and_reports_the_lines() throws IOException {
        Path file = file(TEXT);

        ToolOutput output = call(tool, root, "path", "f.txt", "old_string", "beta", "new_string", "b1\nb2");

        assertThat(output).isEqualTo(ToolOutput.ok("edited f.txt: replaced 1 occurrence (now lines 2-3)"));
        assertThat(Files.readString(file)).isEqualTo("alpha\nb1\nb2\ngamma\n");
    }

    @Test
    void replaces_inside_a_line_and_keeps_the_rest_of_it() throws IOException {
        Path file = file("int x = compute(a, b);\n");

        call(tool, root, "path", "f.txt", "old_string", "(a, b)", "new_string", "(b, a)");

        assertThat(Files.readString(file)).isEqualTo("int x = compute(b, a);\n");
    }

    @Test
    void takes_the_new_string_literally() throws IOException {
        Path file = file(TEXT);

        call(tool, root, "path", "f.txt", "old_string", "gamma", "new_string", "$1 \\n $0");

        assertThat(Files.readString(file)).isEqualTo("alpha\nbeta\n$1 \\n $0\n");
    }

    @Test
    void can_delete_text_with_an_empty_new_string() throws IOException {
        Path file = file(TEXT);

        ToolOutput output = call(tool, root, "path", "f.txt", "old_string", "beta\n", "new_string", "");

        assertThat(output.error()).isFalse();
        assertThat(Files.readString(file)).isEqualTo("alpha\ngamma\n");
    }

    @Test
    void refuses_a_string_that_is_not_found_and_leaves_the_file_unchanged() throws IOException {
        Path file = file(TEXT);

        assertThat(call(tool, root, "path", "f.txt", "old_string", "delta", "new_string", "x")).isEqualTo(
                ToolOutput.error("old_string not found in f.txt; read the file and copy the text exactly"));
        assertThat(Files.readString(file)).isEqualTo(TEXT);
    }

    @Test
    void refuses_a_string_that_occurs_more_than_once_naming_the_count() throws IOException {
        Path file = file("x = 1\nx = 1\nx = 1\n");

        assertThat(call(tool, root, "path", "f.txt", "old_string", "x = 1", "new_string", "x = 2")).isEqualTo(
                ToolOutput.error("old_string occurs 3 times in f.txt; include more surrounding text so it matches exactly once"));
        assertThat(Files.readString(file)).isEqualTo("x = 1\nx = 1\nx = 1\n");
    }

    @Test
    void counts_overlapping_occurrences_as_ambiguous() throws IOException {
        Path file = file("aaa\n");

        ToolOutput output = call(tool, root, "path", "f.txt", "old_string", "aa", "new_string", "b");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("old_string occurs 2 times");
        assertThat(Files.readString(file)).isEqualTo("aaa\n");
    }

    @Test
    void refuses_an_empty_old_string_and_leaves_the_file_unchanged() throws IOException {
        Path file = file(TEXT);

        assertThat(call(tool, root, "path", "f.txt", "old_string", "", "new_string", "x"))
                .isEqualTo(ToolOutput.error("old_string is empty; use write_file to create or overwrite f.txt"));
        assertThat(Files.readString(file)).isEqualTo(TEXT);
    }

    @Test
    void reports_a_missing_file_without_creating_it() {
        assertThat(call(tool, root, "path", "nope.txt", "old_string", "a", "new_string", "b"))
                .isEqualTo(ToolOutput.error("file not found: nope.txt"));
        assertThat(root.resolve("nope.txt")).doesNotExist();
    }

    @Test
    void requires_new_string() throws IOException {
        Path file = file(TEXT);

        assertThat(call(tool, root, "path", "f.txt", "old_string", "beta"))
                .isEqualTo(ToolOutput.error("edit_file: missing required string argument 'new_string'"));
        assertThat(Files.readString(file)).isEqualTo(TEXT);
    }

    @Test
    void reports_the_lines_of_a_replacement_that_ends_with_a_newline() throws IOException {
        Path file = file(TEXT);

        ToolOutput output = call(tool, root, "path", "f.txt", "old_string", "beta\n", "new_string", "b1\nb2\n");

        assertThat(Files.readString(file)).isEqualTo("alpha\nb1\nb2\ngamma\n");
        assertThat(output).isEqualTo(ToolOutput.ok("edited f.txt: replaced 1 occurrence (now lines 2-3)"));
    }

    @Test
    void does_not_corrupt_bytes_outside_the_edit_in_a_latin1_file() throws IOException {
        byte[] latin1 = "caf\u00e9\nold\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(root.resolve("f.txt"), latin1);

        ToolOutput output = call(tool, root, "path", "f.txt", "old_string", "old", "new_string", "new");

        byte[] expected = output.error() ? latin1 : "caf\u00e9\nnew\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Files.readAllBytes(file)).as(output.content()).isEqualTo(expected);
    }

    @Test
    void a_read_only_sandbox_refuses_it_and_says_how_to_allow_it() throws IOException {
        file(TEXT);

        ToolOutput output = call(tool, context(root).withSandbox(Sandbox.of(SandboxMode.READ_ONLY)),
                "path", "f.txt", "old_string", "beta", "new_string", "b1\nb2");

        assertThat(output).isEqualTo(ToolOutput.error(
                "read-only sandbox: edit_file refused; run with --sandbox workspace-write to allow edits"));
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo(TEXT);
    }

    @Test
    void asks_first_and_changes_nothing_when_the_user_declines() throws IOException {
        file(TEXT);
        List<String> asked = new ArrayList<>();

        ToolOutput output = call(tool, context(root).withApprover(declining(asked)),
                "path", "f.txt", "old_string", "beta", "new_string", "b1\nb2");

        assertThat(asked).containsExactly("edit f.txt (replace 1 line with 2 lines)");
        assertThat(output).isEqualTo(
                ToolOutput.error("the user declined: edit f.txt (replace 1 line with 2 lines); nothing was done"));
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo(TEXT);
    }
}
