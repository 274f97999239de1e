package dev.cachet.tools.sandbox;

import dev.cachet.tools.RealPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds programs the way a shell does, in the first directory of a PATH value that has them executable, but only in
 * absolute directories: a relative one names a folder of wherever cachet was started, often the workspace.
 */
public final class Executables {
    private Executables() {}

    /** {@code name} in the first absolute directory of {@code path} (a PATH value, may be null) that has it. */
    static Optional<Path> onPath(String name, String path) {
        return first(name, path, file -> true);
    }

    /**
     * As {@link #onPath}, passing over what {@code workspace} holds however it is reached: a command can write
     * there (an activated virtualenv puts {@code .venv/bin} first on PATH), and what sandboxes it must not be its.
     */
    static Optional<Path> outside(Path workspace, String name, String path) {
        Path root = RealPath.of(workspace);
        return first(name, path, file -> !RealPath.of(file).startsWith(root));
    }

    /**
     * {@code environment} with its PATH less the relative folders and those {@code workspace} holds, for programs
     * cachet starts outside the sandbox by name (MCP servers): what the agent wrote must not run in their place.
     */
    public static Map<String, String> pathOutside(Path workspace, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            return environment;
        }
        Path root = RealPath.of(workspace);
        String outside = Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> candidate(dir, ".").filter(folder -> !RealPath.of(folder).startsWith(root)).isPresent())
                .collect(Collectors.joining(File.pathSeparator));
        Map<String, String> kept = new HashMap<>(environment);
        kept.put("PATH", outside);
        return Map.copyOf(kept);
    }

    private static Optional<Path> first(String name, String path, Predicate<Path> allowed) {
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).flatMap(dir -> candidate(dir, name).stream())
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .filter(allowed)
                .findFirst();
    }

    private static Optional<Path> candidate(String dir, String name) {
        try {
            Path folder = Path.of(dir);
            return folder.isAbsolute() ? Optional.of(folder.resolve(name)) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
