package dev.cachet.tools;

import static dev.cachet.tools.ToolTesting.args;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.context.message.ToolCall;
import dev.cachet.tools.files.WorkspacePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
    private static final String SECRET = "outside secret\n";

    @TempDir
    Path tmp;

    private Path root;
    private Path outside;
    private Workspace workspace;

    @BeforeEach
    void lay_out_a_workspace_next_to_an_outside_directory() throws IOException {
        root = Files.createDirectories(tmp.resolve("ws"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Main.java"), "class Main {}\n");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("created-through-dangling.txt"));
        workspace = new Workspace(root);
    }

    @Test
    void reads_a_relative_path_inside_the_root() throws ToolException {
        WorkspacePath path = workspace.path("src/Main.java");

        assertThat(path.names()).containsExactly("src", "Main.java");
        assertThat(path).hasToString("src/Main.java");
    }

    @Test
    void reads_a_not_yet_existing_file_inside_the_root() throws ToolException {
        assertThat(workspace.path("new/dir/File.java")).hasToString("new/dir/File.java");
    }

    @Test
    void reads_the_root_itself() throws ToolException {
        assertThat(workspace.path(".")).isEqualTo(WorkspacePath.ROOT).hasToString(".");
        assertThat(workspace.path("")).isEqualTo(WorkspacePath.ROOT);
        assertThat(workspace.path(workspace.root().toString())).isEqualTo(WorkspacePath.ROOT);
    }

    @Test
    void allows_a_dot_dot_that_stays_inside() throws ToolException {
        assertThat(workspace.path("src/../README.md")).hasToString("README.md");
    }

    @Test
    void refuses_a_path_that_climbs_out_with_dot_dot() {
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> workspace.path("../outside/secret.txt"))
                .withMessageContaining("outside the workspace");
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> workspace.path("src/../../outside/secret.txt"))
                .withMessageContaining("outside the workspace");
    }

    @Test
    void refuses_an_absolute_path_outside() {
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> workspace.path(outside.resolve("secret.txt").toString()))
                .withMessageContaining("outside the workspace");
    }

    @Test
    void refuses_a_sibling_directory_whose_name_starts_with_the_root_name() throws IOException {
        Path sibling = Files.createDirectories(tmp.resolve("ws-evil"));

        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> workspace.path(sibling.resolve("a.txt").toString()))
                .withMessageContaining("outside the workspace");
    }

    @Test
    void allows_an_absolute_path_inside() throws ToolException {
        assertThat(workspace.path(workspace.root().resolve("src/Main.java").toString())).hasToString("src/Main.java");
    }

    @Test
    void refuses_a_path_with_a_nul_character() {
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> workspace.path("a\0b"))
                .withMessageStartingWith("invalid path");
    }

    @Test
    void root_is_the_real_path_of_a_symlinked_workspace() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("ws-link"), root);

        assertThat(new Workspace(link).root()).isEqualTo(root.toRealPath());
    }

    @Test
    void refuses_a_root_that_does_not_exist_or_is_a_file() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> new Workspace(tmp.resolve("missing")));
        assertThatIllegalArgumentException().isThrownBy(() -> new Workspace(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.txt", "OUTSIDE/secret.txt", "out/secret.txt", "leak.txt",
            "../outside/new.txt", "OUTSIDE/new.txt", "out/new.txt", "out/sub/new.txt", "dangling.txt"})
    void write_file_writes_nothing_outside(String path) throws IOException {
        Map<String, String> before = snapshot(outside);

        ToolOutput output = callCore("write_file", "path", absolutize(path), "content", "overwritten\n");

        assertThat(output.error()).as(output.content()).isTrue();
        assertThat(snapshot(outside)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.txt", "OUTSIDE/secret.txt", "out/secret.txt", "leak.txt"})
    void edit_file_changes_nothing_outside(String path) throws IOException {
        Map<String, String> before = snapshot(outside);

        ToolOutput output = callCore("edit_file", "path", absolutize(path), "old_string", "secret", "new_string", "public");

        assertThat(output.error()).as(output.content()).isTrue();
        assertThat(snapshot(outside)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.txt", "OUTSIDE/secret.txt", "out/secret.txt", "leak.txt"})
    void read_file_reads_nothing_outside(String path) {
        ToolOutput output = callCore("read_file", "path", absolutize(path));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).doesNotContain("outside secret");
    }

    private String absolutize(String path) {
        return path.replace("OUTSIDE", outside.toString());
    }

    private ToolOutput callCore(String tool, Object... namesAndValues) {
        return ToolBox.core().execute(new ToolCall("c1", tool, args(namesAndValues).toString()), ToolContext.defaults(workspace, System.getenv()));
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }
}
