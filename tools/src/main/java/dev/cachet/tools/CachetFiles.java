package dev.cachet.tools;

/**
 * cachet's own config and state in a workspace: {@code .cachet.yaml} and {@code .cachet/} at its root. The agent
 * never writes them: the file tools refuse to, and the command sandbox mounts them read-only.
 */
public final class CachetFiles {
    public static final String CONFIG = ".cachet.yaml";
    public static final String STATE = ".cachet";

    private CachetFiles() {}
}
