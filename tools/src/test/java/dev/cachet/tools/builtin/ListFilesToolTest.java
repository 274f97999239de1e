package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFilesToolTest {
    private final ListFilesTool tool = new ListFilesTool();

    @TempDir
    Path root;

    private void files(String... paths) throws IOException {
        for (String path : paths) {
            write(path, "x\n");
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static ToolOutput listing(String... paths) {
        return ToolOutput.ok(String.join("\n", paths) + "\n");
    }

    @Test
    void lists_every_file_as_a_sorted_relative_path() throws IOException {
        files("src/util/Str.java", "b.txt", "src/Main.java", "a.txt", "a/z.txt");

        assertThat(call(tool, root)).isEqualTo(listing("a.txt", "a/z.txt", "b.txt", "src/Main.java", "src/util/Str.java"));
    }

    @Test
    void honours_the_root_gitignore() throws IOException {
        write(".gitignore", "*.log\nbuild/\n");
        files("app.log", "build/out.class", "build/deep/x.txt", "src/Main.java", "src/debug.log");

        assertThat(call(tool, root)).isEqualTo(listing(".gitignore", "src/Main.java"));
    }

    @Test
    void honours_a_subdirectory_gitignore_including_negation() throws IOException {
        write(".gitignore", "*.log\n");
        write("sub/.gitignore", "!keep.log\nlocal.txt\n");
        files("drop.log", "sub/keep.log", "sub/drop.log", "sub/local.txt", "local.txt", "sub/deeper/keep.log");

        assertThat(call(tool, root)).isEqualTo(listing(
                ".gitignore", "local.txt", "sub/.gitignore", "sub/deeper/keep.log", "sub/keep.log"));
    }

    @Test
    void honours_git_info_exclude_and_skips_the_git_directory() throws Exception {
        Git.init().setDirectory(root.toFile()).setInitialBranch("main").call().close();
        write(".git/info/exclude", "secret.txt\n");
        files("secret.txt", "public.txt");

        assertThat(call(tool, root)).isEqualTo(listing("public.txt"));
    }

    @Test
    void skips_cachet_session_logs_at_any_depth() throws IOException {
        files(".cachet/sessions/s1.jsonl", "sub/.cachet/x", "kept.txt");

        assertThat(call(tool, root)).isEqualTo(listing("kept.txt"));
    }

    @Test
    void a_name_glob_matches_in_subdirectories() throws IOException {
        files("Top.java", "src/Main.java", "src/util/Str.java", "src/util/notes.md", "README.md");

        assertThat(call(tool, root, "glob", "*.java"))
                .isEqualTo(listing("Top.java", "src/Main.java", "src/util/Str.java"));
    }

    @Test
    void a_path_glob_matches_from_the_workspace_root() throws IOException {
        files("src/a/B.java", "src/a/b/C.java", "src/a/notes.md", "test/a/T.java");

        assertThat(call(tool, root, "glob", "src/**/*.java")).isEqualTo(listing("src/a/B.java", "src/a/b/C.java"));
    }

    @Test
    void a_double_star_path_glob_matches_files_directly_in_the_directory() throws IOException {
        files("src/Main.java", "src/a/B.java");

        assertThat(call(tool, root, "glob", "src/**/*.java")).isEqualTo(listing("src/Main.java", "src/a/B.java"));
    }

    @Test
    void a_path_argument_lists_a_subdirectory_and_still_honours_the_root_gitignore() throws IOException {
        write(".gitignore", "*.tmp\n/sub/generated.txt\n");
        files("sub/a.txt", "sub/x.tmp", "sub/generated.txt", "sub/inner/b.txt", "other.txt");

        assertThat(call(tool, root, "path", "sub")).isEqualTo(listing("sub/a.txt", "sub/inner/b.txt"));
    }

    @Test
    void a_path_argument_honours_a_gitignore_between_the_root_and_the_listed_directory() throws IOException {
        write("a/.gitignore", "*.gen\n");
        files("a/b/keep.txt", "a/b/drop.gen");

        assertThat(call(tool, root, "path", "a/b")).isEqualTo(listing("a/b/keep.txt"));
    }

    @Test
    void caps_the_listing_and_says_how_many_more_files_there_are() throws IOException {
        int total = ListFilesTool.MAX_FILES + 10;
        for (int i = 0; i < total; i++) {
            files(String.format("f%04d.txt", i));
        }

        String expected = IntStream.range(0, ListFilesTool.MAX_FILES).mapToObj(i -> String.format("f%04d.txt\n", i))
                .collect(Collectors.joining()) + "[... 10 more files; narrow the glob or path]\n";
        assertThat(call(tool, root)).isEqualTo(ToolOutput.ok(expected));
    }

    @Test
    void says_when_no_files_match() throws IOException {
        files("a.txt");

        assertThat(call(tool, root, "glob", "*.java")).isEqualTo(ToolOutput.ok("no files match"));
    }

    @Test
    void refuses_a_path_that_is_not_a_directory() throws IOException {
        files("a.txt");

        assertThat(call(tool, root, "path", "a.txt")).isEqualTo(ToolOutput.error("not a directory: a.txt"));
        assertThat(call(tool, root, "path", "missing")).isEqualTo(ToolOutput.error("not a directory: missing"));
    }

    @Test
    void refuses_a_path_outside_the_workspace() {
        ToolOutput output = call(tool, root, "path", "..");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("outside the workspace");
    }

    @Test
    void reports_an_invalid_glob() throws IOException {
        files("a.txt");

        ToolOutput output = call(tool, root, "glob", "[a");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("invalid glob '[a'");
    }

    @Test
    void lists_a_symlink_without_following_it() throws IOException {
        files("real/inside.txt");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("real"));

        assertThat(call(tool, root)).isEqualTo(listing("link", "real/inside.txt"));
    }
}
