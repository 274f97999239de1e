package dev.cachet.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory an agent works in. Every path a tool touches is resolved here and must stay inside the root:
 * {@code ..}, absolute paths elsewhere and symbolic links that lead out are all refused before any I/O.
 */
public final class Workspace {
    private final Path root;

    public Workspace(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace " + root + " does not exist", e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("workspace " + root + " is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    /** Resolves a path given by the model, relative to the root or absolute, and checks that it stays inside. */
    public Path resolve(String path) throws ToolException {
        Path resolved;
        try {
            resolved = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new ToolException("invalid path '" + path + "': " + e.getReason());
        }
        if (!resolved.startsWith(root)) {
            throw new ToolException("path '" + path + "' is outside the workspace " + root);
        }
        Path real = realPathOfDeepestExisting(path, resolved);
        if (!real.startsWith(root)) {
            throw new ToolException("path '" + path + "' leads outside the workspace through a symbolic link");
        }
        return resolved;
    }

    /** The path relative to the root, with '/' separators, as tools show it to the model. */
    public String relative(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    // A file that does not exist yet is checked through its nearest existing ancestor: that is where it will land.
    private Path realPathOfDeepestExisting(String path, Path resolved) throws ToolException {
        Path existing = resolved;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ToolException("path '" + path + "' goes through a broken symbolic link");
        } catch (IOException e) {
            throw new ToolException("cannot resolve path '" + path + "': " + e.getMessage());
        }
    }
}
