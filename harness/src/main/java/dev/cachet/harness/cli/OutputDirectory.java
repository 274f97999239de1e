package dev.cachet.harness.cli;

import dev.cachet.evals.trace.IoReasons;
import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A directory reports go into, tried before the work that fills it: a read-only one fails first, not last. */
final class OutputDirectory {
    private OutputDirectory() {}

    /**
     * Checks that {@code dir}, or the nearest directory above it that exists and would hold it, takes a new file, and
     * that none of the {@code files} to be written there is a directory.
     * Nothing is left behind, not even {@code dir}: a run that then fails for another reason makes no empty directory.
     */
    static void requireWritable(String flag, Path dir, List<String> files) {
        for (String name : files) {
            if (Files.isDirectory(dir.resolve(name))) {
                throw new InputException(flag + " " + dir + ": " + dir.resolve(name) + " is a directory, where a report"
                        + " is to be written");
            }
        }
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            String which = existing.equals(dir.toAbsolutePath()) ? "" : existing + " is ";
            throw new InputException(flag + " " + dir + ": " + which + "not a directory");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".cachet-write-check", ""));
        } catch (IOException e) {
            throw new InputException(flag + " " + dir + ": cannot write in " + existing + " (" + IoReasons.of(e) + ")");
        }
    }
}
