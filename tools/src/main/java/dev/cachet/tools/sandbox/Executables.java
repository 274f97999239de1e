package dev.cachet.tools.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds programs the way a shell does: in the first directory of a PATH value that has them executable. */
final class Executables {
    private Executables() {}

    /** {@code name} in the first directory of {@code path} (a PATH value, may be null) that has it executable. */
    static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> candidate(dir, name).stream())
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    private static Optional<Path> candidate(String dir, String name) {
        try {
            return Optional.of(Path.of(dir, name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
