package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDiffToolTest {
    private final GitDiffTool tool = new GitDiffTool();

    @TempDir
    Path root;

    @Test
    void says_when_nothing_changed() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("no changes against HEAD"));
        }
    }

    @Test
    void shows_an_unstaged_change_against_head() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("src/a.txt", "one\ntwo\nthree\n").add(".").commit("first");
            repo.write("src/a.txt", "one\nTWO\nthree\n");

            ToolOutput output = call(tool, root);

            assertThat(output.error()).isFalse();
            assertThat(output.content()).startsWith("diff --git a/src/a.txt b/src/a.txt\n")
                    .contains("@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n");
        }
    }

    @Test
    void shows_staged_and_unstaged_changes_together_against_head() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a1\n").write("b.txt", "b1\n").add(".").commit("first");
            repo.write("a.txt", "a2\n").add("a.txt");
            repo.write("b.txt", "b2\n");

            String diff = call(tool, root).content();

            assertThat(diff).contains("-a1\n+a2\n").contains("-b1\n+b2\n");
        }
    }

    @Test
    void shows_a_deleted_file() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("gone.txt", "bye\n").add(".").commit("first");
            Files.delete(root.resolve("gone.txt"));

            assertThat(call(tool, root).content()).contains("deleted file mode").contains("-bye\n");
        }
    }

    @Test
    void caps_a_huge_diff() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("big.txt", "start\n").add(".").commit("first");
            repo.write("big.txt", "start\n" + "added line\n".repeat(10_000));

            String diff = call(tool, root).content();

            assertThat(diff.length()).isLessThan(ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS + 100);
            assertThat(diff).startsWith("diff --git a/big.txt b/big.txt").contains(" characters cut ...]")
                    .endsWith("+added line\n");
        }
    }

    @Test
    void works_in_a_repository_without_commits() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "staged\n").add("a.txt");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("no changes against HEAD"));

            repo.write("a.txt", "edited\n");
            assertThat(call(tool, root).content()).contains("-staged\n+edited\n");
        }
    }

    @Test
    void leaves_ignored_files_out() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".gitignore", "*.log\n").add(".").commit("first");
            repo.write("debug.log", "noise\n");

            assertThat(call(tool, root)).isEqualTo(ToolOutput.ok("no changes against HEAD"));
        }
    }

    @Test
    void shows_new_files_the_agent_created_but_not_ignored_ones() throws Exception {
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".gitignore", "*.log\n").write("a.txt", "a\n").add(".").commit("first");
            repo.write("scratch.txt", "notes\n").write("run.log", "noise\n");

            String diff = call(tool, root).content();

            assertThat(diff).contains("diff --git a/scratch.txt b/scratch.txt").contains("+notes").doesNotContain("run.log");
        }
    }
}
