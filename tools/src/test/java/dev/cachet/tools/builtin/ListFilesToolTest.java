package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void a_rule_with_more_stars_in_a_name_than_can_be_matched_in_time_is_left_out_and_said() throws IOException {
        // JGit's regular expression for this rule backtracks for hours against a long name of a's that it misses.
        String longName = "a".repeat(200);
        write(".gitignore", "*.log\na*a*a*a*a*a*a*a*b\n");
        files(longName, "x.log", "kept.txt");

        ToolOutput output = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call(tool, root));

        assertThat(output).isEqualTo(ToolOutput.ok(".gitignore\n" + longName + "\nkept.txt\n"
                + "[ignore rules left out, as too costly to match: .gitignore: 1 rule with more than 4 '*' in one name,"
                + " the first on line 2 (a*a*a*a*a*a*a*a*b)]\n"));
    }

    @Test
    void rules_past_those_that_may_apply_at_once_are_left_out_and_said() throws IOException {
        write(".gitignore", IntStream.range(0, 10_000).mapToObj(i -> "rule" + i + ".tmp\n").collect(Collectors.joining()));
        write("sub/.gitignore", "# past the cap\ndrop.txt\n");
        files("rule7.tmp", "sub/drop.txt", "sub/kept.txt");

        assertThat(call(tool, root)).isEqualTo(ToolOutput.ok(".gitignore\nsub/.gitignore\nsub/drop.txt\nsub/kept.txt\n"
                + "[ignore rules left out, as too costly to match: sub/.gitignore: its rules from line 2 on, past the"
                + " 10,000 rules or 262,144 characters of ignore files that may apply at once]\n"));
    }

    @Test
    void the_rules_of_nested_folders_past_those_that_may_apply_at_once_are_left_out() throws IOException {
        // Unbounded, JGit holds the rules of every folder above the one it lists: a MiB each, gigabytes in all.
        String folder = "d";
        for (int depth = 1; depth <= 20; depth++, folder += "/d") {
            int level = depth;
            write(folder + "/.gitignore", IntStream.range(0, 1_000).mapToObj(i -> "level" + level + "-" + i + "-*.tmp\n")
                    .collect(Collectors.joining()));
        }
        files(folder + "/level3-7-x.tmp", folder + "/level11-7-x.tmp", folder + "/level20-7-x.tmp");

        String output = call(tool, root, "glob", "*.tmp").content();

        assertThat(output).startsWith(folder + "/level11-7-x.tmp\n" + folder + "/level20-7-x.tmp\n"
                + "[ignore rules left out, as too costly to match: " + "d/".repeat(11) + ".gitignore: its rules from"
                + " line 1 on, past the 10,000 rules or 262,144 characters of ignore files that may apply at once; ");
        assertThat(output).endsWith("; and in 5 more files]\n");
    }

    @Test
    void stops_at_the_command_timeout_while_rules_slow_to_match_add_up() throws IOException {
        // Each rule takes tens of milliseconds to miss a 200-character name of a's; together, seconds.
        String longName = "a".repeat(200);
        write(".gitignore", "*a*a*b\n".repeat(100));
        files(longName);

        ToolOutput output = call(tool, ToolTesting.context(root, Duration.ofMillis(300), 10_000));

        assertThat(output).isEqualTo(ToolOutput.error("still matching the rules of .gitignore against " + longName
                + " after 300ms, the command timeout: rules with several '*' in one name take long against long names,"
                + " and very many rules add up; simplify them"));
    }

    @Test
    void a_large_real_gitignore_ignores_what_git_ignores() throws IOException {
        try (var in = getClass().getResourceAsStream("/gitignore/realistic.gitignore")) {
            write(".gitignore", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        files("src/Main.java", "target/classes/Main.class", "app.log", "web/node_modules/x/index.js",
                "report.20260101.101010.123.0.json", "report.md", "py/__pycache__/m.cpython-312.pyc", "py/m.py",
                "py/m.pyc", ".vscode/settings.json", ".vscode/launch.json", ".vscode/other.json", "notes.mm.txt",
                "a.crunchsolution.local.xml", ".mycrunch.local.xml", "x.generated.ts", "docs/generated/api/a.html",
                "docs/generated/api/index.html", "lib/fixtures/deep/a.snap", "packages/build/keep.props",
                "packages/other/drop.props", "Debug/x.dll", "debug.txt", "img.svg", ".x.swp", "keep.env.example",
                ".env", ".env.example", "backup ~", "readme~");

        assertThat(call(tool, root)).isEqualTo(listing(".env.example", ".gitignore", ".vscode/launch.json",
                ".vscode/settings.json", "a.crunchsolution.local.xml", "debug.txt", "docs/generated/api/index.html", "img.svg", "keep.env.example",
                "packages/build/keep.props", "py/m.py", "report.md", "src/Main.java"));
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
