package dev.cachet.tools.sandbox;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Path;

/** Whether commands can run confined on this machine: tests of confined commands are skipped where they cannot. */
public final class SandboxSupport {
    private SandboxSupport() {}

    /**
     * Skips the test unless a command in {@code workspace} can run under {@code mode}, looked for as a session looks:
     * bwrap and prlimit on the test's PATH, outside the workspace. Under {@code full} nothing is needed.
     */
    public static void assumeAvailable(SandboxMode mode, Path workspace) {
        try {
            CommandSandbox.open(Sandbox.of(mode), System.getenv(), workspace);
        } catch (SandboxUnavailableException e) {
            abort(e.getMessage());
        }
    }
}
