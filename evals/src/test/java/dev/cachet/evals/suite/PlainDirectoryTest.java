package dev.cachet.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain folder's copies are committed with a fixed identity and time: the same contents, the same commit id. */
class PlainDirectoryTest {
    @TempDir
    Path dir;

    private Path source;

    @BeforeEach
    void aPlainFolder() throws Exception {
        source = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(source.resolve("README"), "broken\n");
        Files.writeString(Files.createDirectories(source.resolve("src")).resolve("Wrap.java"), "class Wrap {}\n");
    }

    @Test
    void the_same_contents_give_the_same_commit_in_every_copy_and_every_run() throws Exception {
        String first = PlainDirectory.copyAndCommit(source, dir.resolve("a"));
        String second = PlainDirectory.copyAndCommit(source, dir.resolve("b"));

        assertThat(second).isEqualTo(first);
        // As git commit-tree gives for this tree, identity, time and message: the same in any process on any day.
        assertThat(first).isEqualTo("1aae6259757c384c20578978f6e2c6599f9ff6b4");
        try (Git git = Git.open(dir.resolve("a").toFile())) {
            RevCommit commit = git.log().call().iterator().next();
            assertThat(commit.getAuthorIdent().getWhenAsInstant()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
            assertThat(commit.getCommitterIdent()).isEqualTo(commit.getAuthorIdent());
        }
    }

    @Test
    void other_contents_give_another_commit() throws Exception {
        String before = PlainDirectory.copyAndCommit(source, dir.resolve("a"));
        Files.writeString(source.resolve("README"), "fixed\n");

        assertThat(PlainDirectory.copyAndCommit(source, dir.resolve("b"))).isNotEqualTo(before);
    }
}
