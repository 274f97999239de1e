package dev.cachet.evals.suite;

import java.nio.file.Path;

/**
 * A prepared workspace, checked out at {@code commit} (a full sha), with the files its check runs from as they are
 * at that commit; closing deletes it unless it is kept.
 */
public record TaskWorkspace(Path directory, String commit, CheckFiles checkFiles, boolean keep) implements AutoCloseable {
    @Override
    public void close() {
        if (!keep) {
            Directories.deleteRecursively(directory);
        }
    }
}
