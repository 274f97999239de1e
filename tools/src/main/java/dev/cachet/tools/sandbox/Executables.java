package dev.cachet.tools.sandbox;

import dev.cachet.tools.RealPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds programs the way a shell does, in the first directory of a PATH value that has them executable, but only in
 * absolute directories: a relative one names a folder of wherever cachet was started, often the workspace.
 */
public final class Executables {
    private Executables() {}

    /**
     * {@code name} in the first absolute directory of {@code path} (a PATH value, may be null) that has it, passing
     * over what {@code workspace} holds however it is reached: a command can write there (an activated virtualenv
     * puts {@code .venv/bin} first on PATH), and what sandboxes it must not be its.
     */
    static Optional<Path> outside(Path workspace, String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        Path root = RealPath.of(workspace);
        return Arrays.stream(path.split(File.pathSeparator)).flatMap(dir -> candidate(dir, name).stream())
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .filter(file -> !RealPath.of(file).startsWith(root))
                .findFirst();
    }

    private static Optional<Path> candidate(String dir, String name) {
        return absolute(dir).map(folder -> folder.resolve(name));
    }

    /** {@code word} as a path, if it is an absolute one. */
    static Optional<Path> absolute(String word) {
        try {
            Path path = Path.of(word);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
