package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.sandbox.HiddenPaths;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path --deny-read hides inside the workspace is hidden from the file and git tools too, not only from commands. */
class DenyReadToolsTest {
    private static final String SECRET = "DB_PASS=s3cr3t-deny";
    private static final String HIDDEN = "is hidden from the agent (a credential store or --deny-read)";

    @TempDir
    Path root;

    @BeforeEach
    void aWorkspaceWithAHiddenFolder() throws IOException {
        Files.createDirectories(root.resolve("secrets/public"));
        Files.writeString(root.resolve("secrets/prod.env"), SECRET + "\n");
        Files.writeString(root.resolve("secrets/public/README"), "DB_PASS is set in prod.env\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/App.java"), "class App {} // reads DB_PASS\n");
        Files.createSymbolicLink(root.resolve("alias"), Path.of("secrets"));
    }

    private ToolContext hiding(SandboxMode mode, List<Path> allowed) {
        return context(root).withSandbox(Sandbox.of(mode).withHidden(new HiddenPaths(List.of(root.resolve("secrets")),
                allowed)));
    }

    private ToolOutput hidden(Tool tool, Object... args) {
        return call(tool, hiding(SandboxMode.WORKSPACE_WRITE, List.of()), args);
    }

    @Test
    void the_reading_tools_refuse_a_hidden_path_however_it_is_named() {
        for (String path : List.of("secrets/prod.env", "alias/prod.env", "src/../secrets/prod.env")) {
            ToolOutput read = hidden(new ReadFileTool(), "path", path);
            assertThat(read.error()).as(path).isTrue();
            assertThat(read.content()).as(path).contains(HIDDEN).doesNotContain(SECRET);
        }
        assertThat(hidden(new ListFilesTool(), "path", "secrets").content()).contains(HIDDEN);
    }

    @Test
    void the_edit_tools_change_nothing_hidden_however_it_is_named() {
        for (String path : List.of("secrets/prod.env", "alias/prod.env")) {
            ToolOutput edit = hidden(new EditFileTool(), "path", path, "old_string", "s3cr3t", "new_string", "leaked");
            assertThat(edit.error()).as(path).isTrue();
            assertThat(edit.content()).as(path).contains(HIDDEN);
        }
        assertThat(root.resolve("secrets/prod.env")).hasContent(SECRET);
        assertThat(hidden(new WriteFileTool(), "path", "alias/more.env", "content", "x").error()).isTrue();
        assertThat(root.resolve("secrets/more.env")).doesNotExist();
    }

    @Test
    void listings_and_searches_pass_over_what_is_hidden() {
        assertThat(hidden(new GrepTool(), "pattern", "DB_PASS").content()).contains("src/App.java")
                .doesNotContain("prod.env").doesNotContain(SECRET);
        assertThat(hidden(new ListFilesTool()).content()).contains("src/App.java").doesNotContain("prod.env");
    }

    @Test
    void a_path_allowed_inside_the_hidden_one_is_read_and_full_hides_nothing_as_its_commands_see_everything() {
        ToolContext allowed = hiding(SandboxMode.WORKSPACE_WRITE, List.of(root.resolve("secrets/public")));

        assertThat(call(new ReadFileTool(), allowed, "path", "secrets/public/README").error()).isFalse();
        assertThat(call(new ReadFileTool(), allowed, "path", "secrets/prod.env").error()).isTrue();
        assertThat(call(new ReadFileTool(), hiding(SandboxMode.FULL, List.of()), "path", "secrets/prod.env")
                .content()).contains(SECRET);
    }

    @Test
    void the_git_tools_read_nothing_while_a_path_inside_the_workspace_is_hidden() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
        }
        for (Tool tool : List.of(new GitStatusTool(), new GitDiffTool())) {
            ToolOutput output = hidden(tool);
            assertThat(output.error()).as(tool.name()).isTrue();
            assertThat(output.content()).as(tool.name()).contains("--deny-read").doesNotContain(SECRET);
        }
    }
}
