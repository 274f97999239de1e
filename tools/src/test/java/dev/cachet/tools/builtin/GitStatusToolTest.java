package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStatusToolTest {
    private final GitStatusTool tool = new GitStatusTool();

    @TempDir
    Path root;

    @Test
    void says_a_clean_repository_is_clean() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("clean: no changes"));
        }
    }

    @Test
    void shows_two_column_codes_sorted_by_path() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("modified.txt", "v1\n").write("staged.txt", "v1\n").write("both.txt", "v1\n")
                    .write("deleted.txt", "v1\n").write(".gitignore", "*.log\n")
                    .add(".").commit("first");
            repo.write("modified.txt", "v2\n");
            repo.write("staged.txt", "v2\n").add("staged.txt");
            repo.write("both.txt", "v2\n").add("both.txt").write("both.txt", "v3\n");
            Files.delete(root.resolve("deleted.txt"));
            repo.write("added.txt", "new\n").add("added.txt");
            repo.write("untracked.txt", "new\n").write("dir/untracked.txt", "new\n").write("ignored.log", "x\n");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("""
                    A  added.txt
                    MM both.txt
                     D deleted.txt
                    ?? dir/untracked.txt
                     M modified.txt
                    M  staged.txt
                    ?? untracked.txt
                    """));
        }
    }

    @Test
    void shows_a_staged_removal() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("gone.txt", "x\n").write("kept.txt", "y\n").add(".").commit("first");
            repo.git.rm().addFilepattern("gone.txt").call();

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("D  gone.txt\n"));
        }
    }

    @Test
    void works_in_a_repository_without_commits() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("staged.txt", "x\n").add("staged.txt").write("loose.txt", "y\n");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("?? loose.txt\nA  staged.txt\n"));
        }
    }

    @Test
    void an_empty_repository_is_clean() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("clean: no changes"));
        }
    }

    @Test
    void a_rule_with_more_stars_in_a_name_than_can_be_matched_in_time_is_left_out_and_said() throws Exception {
        String longName = "a".repeat(200);
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("kept.txt", "x\n").add("kept.txt").commit("first");
            repo.write(".gitignore", "*.log\na*a*a*a*a*a*a*a*b\n").write(longName, "x\n").write("x.log", "x\n");

            ToolOutput output = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call(tool, root));

            assertThat(output).isEqualTo(ToolOutput.ok("?? .gitignore\n?? " + longName + "\n"
                    + "[ignore rules left out, as too costly to match: .gitignore: 1 rule with more than 4 '*' in one"
                    + " name, the first on line 2 (a*a*a*a*a*a*a*a*b)]\n"));
        }
    }

    @Test
    void the_rules_of_nested_folders_past_those_that_may_apply_at_once_are_left_out() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            String folder = "d";
            for (int depth = 1; depth <= 20; depth++, folder += "/d") {
                int level = depth;
                repo.write(folder + "/.gitignore", IntStream.range(0, 1_000)
                        .mapToObj(i -> "level" + level + "-" + i + "-*.tmp\n").collect(Collectors.joining()));
            }
            repo.add(".").commit("rules");
            repo.write(folder + "/level3-7-x.tmp", "x\n").write(folder + "/level11-7-x.tmp", "x\n");

            String output = call(tool, root).content();

            assertThat(output).startsWith("?? " + folder + "/level11-7-x.tmp\n"
                    + "[ignore rules left out, as too costly to match: " + "d/".repeat(11) + ".gitignore: its rules"
                    + " from line 1 on, past the 10,000 rules or 262,144 characters of ignore files that may apply at"
                    + " once; ");
        }
    }

    @Test
    void stops_at_the_command_timeout_while_rules_slow_to_match_add_up() throws Exception {
        String longName = "a".repeat(200);
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".gitignore", "*a*a*b\n".repeat(100)).add(".gitignore").commit("rules");
            repo.write(longName, "x\n");

            ToolOutput output = call(tool, ToolTesting.context(root, Duration.ofMillis(300), 10_000));

            assertThat(output).isEqualTo(ToolOutput.error("still matching the rules of .gitignore against " + longName
                    + " after 300ms, the command timeout: rules with several '*' in one name take long against long"
                    + " names, and very many rules add up; simplify them"));
        }
    }

    @Test
    void a_stop_ends_it() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".gitignore", "*.log\n").add(".gitignore").commit("rules");
            repo.write("new.txt", "x\n");

            Thread.currentThread().interrupt();
            ToolOutput output;
            try {
                output = call(tool, root);
            } finally {
                Thread.interrupted();
            }

            assertThat(tool.stoppable()).isTrue();
            assertThat(output.error()).isTrue();
            assertThat(output.content()).containsPattern("^(stopped while matching|git_status was stopped)");
        }
    }

    @Test
    void a_large_real_gitignore_and_info_exclude_leave_the_same_files_untracked_as_jgit_alone() throws Exception {
        try (TestRepo repo = TestRepo.init(root); InputStream in = getClass().getResourceAsStream("/gitignore/realistic.gitignore")) {
            repo.write(".gitignore", new String(in.readAllBytes(), StandardCharsets.UTF_8)).write("src/Main.java", "x\n")
                    .add(".").commit("first");
            repo.write(".git/info/exclude", "private-*.txt\n").write("sub/.gitignore", "!keep.log\n");
            for (String path : new String[] {"target/classes/Main.class", "app.log", "sub/keep.log", "sub/drop.tmp",
                    "web/node_modules/x/index.js", "report.20260101.101010.123.0.json", "report.md",
                    "py/__pycache__/m.pyc", "py/m.py", ".vscode/settings.json", ".vscode/other.json", "notes.mm.txt",
                    "docs/generated/api/a.html", "docs/generated/api/index.html", "packages/build/keep.props",
                    "packages/other/drop.props", "Debug/x.dll", "debug.txt", ".env", ".env.example", "readme~",
                    "private-notes.txt", "src/private-x.txt", "src/New.java"}) {
                repo.write(path, "x\n");
            }
            Status jgit = repo.git.status().call();

            String output = call(tool, root).content();

            assertThat(new TreeSet<>(output.lines().map(line -> line.substring(3)).toList()))
                    .isEqualTo(new TreeSet<>(jgit.getUntracked())).contains("sub/keep.log", "debug.txt")
                    .doesNotContain("app.log", "private-notes.txt");
        }
    }

    @Test
    void honours_core_excludes_file_below_the_workspaces_own_rules(@TempDir Path home) throws Exception {
        Path excludes = Files.writeString(home.resolve("ignore"), "*.bak\n*.keep\n");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.git.getRepository().getConfig().setString("core", null, "excludesfile", excludes.toString());
            repo.git.getRepository().getConfig().save();
            repo.write(".gitignore", "!x.keep\n").add(".gitignore").commit("rules");
            repo.write("a.bak", "x\n").write("x.keep", "x\n").write("y.keep", "x\n");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("?? x.keep\n"));
        }
    }
}
