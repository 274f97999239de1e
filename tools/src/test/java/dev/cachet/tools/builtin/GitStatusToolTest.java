package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
