package dev.cachet.evals.suite;

import java.nio.file.Path;

/** A prepared workspace, checked out at {@code commit} (a full sha); closing deletes it unless it is kept. */
public record TaskWorkspace(Path directory, String commit, boolean keep) implements AutoCloseable {
    @Override
    public void close() {
        if (!keep) {
            Directories.deleteRecursively(directory);
        }
    }
}
