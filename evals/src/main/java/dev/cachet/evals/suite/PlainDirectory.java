package dev.cachet.evals.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A task repository that is a plain directory, as bundled examples are: copied into the workspace and committed
 * there, so the agent's git tools see a clean tree and its changes show as a diff. The same contents get the same
 * commit id in every copy and every run, as a git repository's commit would.
 */
public final class PlainDirectory {
    /**
     * Author and committer, at a fixed time: a commit's id hashes its time too, and with the clock's each copy of the
     * same folder, in each run, would get another id.
     */
    private static final PersonIdent AUTHOR = new PersonIdent("cachet", "workspace@cachet.invalid",
            Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);

    private PlainDirectory() {}

    /** Whether a local repo path holds no git repository of its own. */
    static boolean isPlain(String repo) {
        Path path = Path.of(repo);
        return path.isAbsolute() && Files.isDirectory(path) && !Files.exists(path.resolve(".git"));
    }

    /** Copies {@code source}'s tree into {@code target} and commits it; returns the commit's sha. */
    public static String copyAndCommit(Path source, Path target) {
        try {
            copyTree(source, target);
            try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                RevCommit commit = git.commit().setMessage("workspace").setAuthor(AUTHOR).setCommitter(AUTHOR)
                        .setSign(false).call();
                return commit.name();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit the copy of " + source + " in " + target, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(path, destination);
            }
        }
    }
}
