package dev.cachet.tools;

import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.files.WorkspacePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory an agent works in. Paths the model gives are read here, relative to the root or absolute, and must
 * stay inside it: {@code ..} and absolute paths elsewhere are refused before any I/O. Symbolic links are checked
 * where the path is used, by {@link WorkspaceFiles}, as it opens what the path names.
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

    /** The workspace's files, to read and write race-free. */
    public WorkspaceFiles files() {
        return new WorkspaceFiles(root);
    }

    /** Reads a path given by the model, as written (a {@code ..} goes back up the names before it). */
    public WorkspacePath path(String path) throws ToolException {
        Path resolved;
        try {
            resolved = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new ToolException("invalid path '" + path + "': " + e.getReason());
        }
        if (!resolved.startsWith(root)) {
            throw new ToolException("path '" + path + "' is outside the workspace " + root);
        }
        List<String> names = new ArrayList<>();
        root.relativize(resolved).forEach(name -> names.add(name.toString()));
        names.remove("");
        return new WorkspacePath(names);
    }
}
