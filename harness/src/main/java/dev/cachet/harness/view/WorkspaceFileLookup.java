package dev.cachet.harness.view;

import dev.cachet.tools.ToolException;
import dev.cachet.tools.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads what a file in the workspace holds before a tool overwrites it, for the diff the live view shows, through
 * the workspace's own confinement: a path the model gives that leads outside it reads as nothing.
 */
public final class WorkspaceFileLookup implements LiveView.FileLookup {
    /** Past this, a file is not diffed: the view would cut the diff anyway. */
    static final long LIMIT_BYTES = 256 * 1024;

    private final Path root;

    public WorkspaceFileLookup(Path root) {
        this.root = root;
    }

    @Override
    public Optional<String> read(String path) {
        try {
            Workspace workspace = new Workspace(root);
            return Optional.of(new String(workspace.files().read(workspace.path(path), LIMIT_BYTES), StandardCharsets.UTF_8));
        } catch (ToolException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
