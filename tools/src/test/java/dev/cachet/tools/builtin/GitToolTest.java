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

    /** Another repository on the machine, whose committed file holds a secret. */
    private Path repositoryWithSecret() throws Exception {
        Path other = outside.resolve("other");
        try (TestRepo elsewhere = TestRepo.init(other)) {
            elsewhere.write("secret.txt", "TOKEN=TOPSECRET42\n").add("secret.txt").commit("secret");
        }
        return other;
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
    void reads_no_config_the_repositorys_config_includes(GitTool tool) throws Exception {
        // An included file's values can come back in JGit's errors: Invalid integer value: diff.renamelimit=SECRET.
        Path included = Files.writeString(outside.resolve("credentials"), "[diff]\n\trenamelimit = SECRETINT\n");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
            Files.writeString(root.resolve(".git/config"), "[include]\n\tpath = " + included + "\n",
                    java.nio.file.StandardOpenOption.APPEND);

            ToolOutput output = call(tool, root);

            assertThat(output).isEqualTo(ToolOutput.error(".git/config includes other files ([include] or [includeIf]),"
                    + " which the git tools do not read"));
        }
    }

    @ParameterizedTest
    @MethodSource("tools")
    void reads_no_link_nor_special_file_inside_git_nor_an_include_behind_a_byte_order_mark(GitTool tool)
            throws Exception {
        Path other = repositoryWithSecret();
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
        }
        Path git = root.resolve(".git");
        Path config = git.resolve("config");
        String own = Files.readString(config);
        Files.writeString(config, "\uFEFF[include]\n\tpath = " + outside.resolve("x.cfg") + "\n" + own);
        assertThat(call(tool, root).content()).startsWith(".git/config includes other files");
        Files.writeString(config, own);
        org.eclipse.jgit.util.FileUtils.delete(git.resolve("objects").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        Files.createSymbolicLink(git.resolve("objects"), other.resolve(".git/objects"));

        ToolOutput linked = call(tool, root);

        assertThat(linked).isEqualTo(ToolOutput.error(".git/objects is a link or a special file, which the git tools"
                + " do not read"));
        Files.delete(git.resolve("objects"));
        // One loose object of the other repository's, linked into a folder of this one's own.
        Path folder;
        try (java.util.stream.Stream<Path> folders = Files.list(other.resolve(".git/objects"))) {
            folder = folders.filter(p -> p.getFileName().toString().length() == 2).findFirst().orElseThrow();
        }
        Path object;
        try (java.util.stream.Stream<Path> objects = Files.list(folder)) {
            object = objects.findFirst().orElseThrow();
        }
        Path linkedObject = Files.createDirectories(git.resolve("objects").resolve(folder.getFileName()))
                .resolve(object.getFileName());
        Files.createSymbolicLink(linkedObject, object);
        assertThat(call(tool, root).content()).isEqualTo(".git/" + git.relativize(linkedObject)
                + " is a link or a special file, which the git tools do not read");
        Files.delete(linkedObject);
        Files.delete(git.resolve("HEAD"));
        new ProcessBuilder("mkfifo", git.resolve("HEAD").toString()).start().waitFor();
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error(".git/HEAD is a link or a special file, which the git"
                + " tools do not read"));
    }

    @ParameterizedTest
    @MethodSource("tools")
    void reads_no_other_repository_the_workspaces_git_points_to(GitTool tool) throws Exception {
        Path other = repositoryWithSecret();
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("a.txt", "a\n").add("a.txt").commit("first");
            Files.writeString(root.resolve(".git/commondir"), other.resolve(".git").toString());

            assertThat(call(tool, root)).isEqualTo(ToolOutput.error(
                    ".git/commondir points the repository elsewhere, which the git tools do not read"));
        }
        org.eclipse.jgit.util.FileUtils.delete(root.resolve(".git").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        Files.writeString(root.resolve(".git"), "gitdir: " + other.resolve(".git") + "\n");

        ToolOutput linked = call(tool, root);

        assertThat(linked.error()).isTrue();
        assertThat(linked.content()).startsWith("the workspace's .git is a file or a link").doesNotContain("TOPSECRET42");
    }
}
