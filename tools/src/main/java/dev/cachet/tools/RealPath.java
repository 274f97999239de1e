package dev.cachet.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a path lies once links are followed, as far as it exists: the rest may be made later, by the agent too. */
public final class RealPath {
    private RealPath() {}

    public static Path of(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        Path rest = Path.of("");
        while (existing.getParent() != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(rest);
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
