package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.tools.ToolOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every git tool shares: it reads the workspace's repository, says so when there is none, and runs nothing a
 * repository's config names (the model can write that config, and JGit runs in cachet's own process, unsandboxed).
 */
class GitToolTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    static Stream<GitTool> tools() {
        return Stream.of(new GitStatusTool(), new GitDiffTool());
    }

    @ParameterizedTest
    @MethodSource("tools")
    void refuses_a_workspace_that_is_not_a_repository(GitTool tool) {
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error("the workspace is not a git repository"));
    }

    @ParameterizedTest
    @MethodSource("tools")
    void runs_no_filter_command_the_repositorys_config_names(GitTool tool) throws Exception {
        Path ran = outside.resolve("ran");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "hi\n").add("a.txt").commit("first");
            StoredConfig config = repo.git.getRepository().getConfig();
            config.setString("filter", "evil", "clean", "touch " + ran + "; cat");
            config.save();
            repo.write(".gitattributes", "*.txt filter=evil\n");
            // The same size and a later time: only the file's content tells whether it changed.
            repo.write("a.txt", "ho\n");
            Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(5)));

            ToolOutput output = call(tool, root);

            assertThat(output.error()).as(output.content()).isFalse();
            assertThat(output.content()).contains("a.txt");
            assertThat(ran).doesNotExist();
        }
    }

    @ParameterizedTest
    @MethodSource("tools")
    void reads_the_workspace_as_the_work_tree_whatever_core_worktree_says(GitTool tool) throws Exception {
        Files.writeString(outside.resolve("credentials"), "aws_secret_access_key=SECRET123\n");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
            StoredConfig config = repo.git.getRepository().getConfig();
            config.setString("core", null, "worktree", outside.toString());
            config.save();
            repo.write("a.txt", "b\n");

            ToolOutput output = call(tool, root);

            assertThat(output.content()).contains("a.txt").doesNotContain("credentials").doesNotContain("SECRET123");
        }
    }

    @ParameterizedTest
    @MethodSource("tools")
    void says_nothing_of_a_file_the_config_includes_that_is_no_config(GitTool tool) throws Exception {
        Path key = Files.writeString(outside.resolve("id_rsa"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
            Files.writeString(root.resolve(".git/config"), "[include]\n\tpath = " + key + "\n", 
                    java.nio.file.StandardOpenOption.APPEND);

            ToolOutput output = call(tool, root);

            assertThat(output.content()).doesNotContain("OPENSSH").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        }
    }
}
