package dev.cachet.evals.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes the directory trees cachet made, also where tools made them read-only, as git (objects) and build caches do. */
public final class Directories {
    private Directories() {}

    /** Deletes {@code root} and everything below it; symbolic links are removed, never followed. */
    public static void deleteRecursively(Path root) {
        if (Files.notExists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Removing an entry needs write access to its directory, not to the entry.
                    dir.toFile().setWritable(true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    try {
                        Files.delete(file);
                    } catch (AccessDeniedException e) {
                        // Windows refuses to delete read-only files; attrs are the link's own, so no link is chmodded.
                        if (!attrs.isRegularFile() || !file.toFile().setWritable(true)) {
                            throw e;
                        }
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete workspace " + root, e);
        }
    }
}
