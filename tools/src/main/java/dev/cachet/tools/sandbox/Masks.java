package dev.cachet.tools.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What bwrap mounts over the host so that a confined command cannot read it: the credential stores and the extra
 * hidden paths, each at its real path (so that a symbolic link to one leads to the mask as well), except those the
 * user allowed; then the allowed paths that lie under a hidden one, mounted back on top. Only existing paths are
 * masked: outside the workspace the command can create nothing, and what it creates inside holds no secret.
 */
record Masks(List<Path> hidden, List<Path> shown) {
    static Masks of(Map<String, String> environment, HiddenPaths paths, Path workspace) {
        List<Path> allowed = realPaths(paths.allowed().stream());
        List<Path> hidden = realPaths(Stream.concat(CredentialStores.of(environment).stream(), paths.extra().stream()))
                .stream()
                // A mask over the workspace's own folder would hide the workspace.
                .filter(path -> !workspace.startsWith(path))
                // Allowing a folder that holds hidden paths shows none of them: only a path allowed by name.
                .filter(path -> !allowed.contains(path))
                .toList();
        List<Path> shown = allowed.stream()
                .filter(path -> hidden.stream().anyMatch(path::startsWith))
                .toList();
        return new Masks(hidden, shown);
    }

    /**
     * Whether a confined command finds nothing at {@code real} (a real path): the nearest mask or shown path over it
     * is a mask; a path allowed by name is shown although a mask holds it, one hidden inside that hidden again.
     */
    boolean hides(Path real) {
        int mask = nearest(hidden, real);
        return mask >= 0 && mask > nearest(shown, real);
    }

    /** Whether a mask lies inside {@code workspace}, so that a tool reading all of it would read what it hides. */
    boolean inside(Path workspace) {
        return hidden.stream().anyMatch(path -> path.startsWith(workspace));
    }

    // The depth of the deepest of paths that holds real, or -1 if none does.
    private static int nearest(List<Path> paths, Path real) {
        return paths.stream().filter(real::startsWith).mapToInt(Path::getNameCount).max().orElse(-1);
    }

    private static List<Path> realPaths(Stream<Path> paths) {
        return paths.flatMap(path -> realPath(path).stream()).distinct().toList();
    }

    // A path that is missing, or a link that leads nowhere, has nothing to mask.
    private static Optional<Path> realPath(Path path) {
        try {
            return Files.exists(path) ? Optional.of(path.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
