package dev.cachet.tools.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temporary directory, built with JGit, for the git tools' tests. */
final class TestRepo implements AutoCloseable {
    private static final PersonIdent AUTHOR =
            new PersonIdent("Test Author", "test@example.com", Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    final Path root;
    final Git git;

    private TestRepo(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static TestRepo init(Path root) throws GitAPIException {
        return new TestRepo(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    }

    TestRepo write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    TestRepo add(String path) throws GitAPIException {
        git.add().addFilepattern(path).call();
        return this;
    }

    TestRepo commit(String message) throws GitAPIException {
        git.commit().setMessage(message).setSign(false).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
