package dev.cachet.evals.suite;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tasks whose repository is a directory on this machine that is not there: found before anything runs, not run
 * by run. Repositories behind a URL are left to the clone, which names them when it fails.
 */
public final class MissingRepos {
    private MissingRepos() {}

    /** One line per task whose local repository is missing, in the suite's order; none when all are there. */
    public static List<String> of(Suite suite) {
        return suite.tasks().stream()
                .filter(task -> local(task.repo()).filter(path -> !Files.isDirectory(path)).isPresent())
                .map(task -> "task " + task.id() + ": no repository at " + task.repo()).toList();
    }

    // The reader made every path absolute; anything else is a URL, and file:// ones name a local path too.
    private static Optional<Path> local(String repo) {
        if (repo.startsWith("file://")) {
            return Optional.of(Path.of(URI.create(repo)));
        }
        return Optional.of(Path.of(repo)).filter(Path::isAbsolute);
    }
}
