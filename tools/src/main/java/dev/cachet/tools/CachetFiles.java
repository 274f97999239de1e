package dev.cachet.tools;

import dev.cachet.tools.files.WorkspacePath;

/**
 * cachet's own config and state in a workspace: {@code .cachet.yaml} and {@code .cachet/} at its root. The agent
 * never writes them: the file tools refuse to, and the command sandbox mounts them read-only.
 */
public final class CachetFiles {
    public static final String CONFIG = ".cachet.yaml";
    public static final String STATE = ".cachet";

    private CachetFiles() {}

    /** Whether {@code path} (with no links in it) is, or lies under, one of them. */
    public static boolean contains(WorkspacePath path) {
        return !path.isRoot() && (path.names().get(0).equals(CONFIG) || path.names().get(0).equals(STATE));
    }
}
