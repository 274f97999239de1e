package dev.cachet.tools.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How much the agent may change: nothing, only its workspace, or anything the user running cachet can. */
public enum SandboxMode {
    READ_ONLY("read-only"),
    WORKSPACE_WRITE("workspace-write"),
    FULL("full");

    public static final SandboxMode DEFAULT = WORKSPACE_WRITE;

    private final String cliName;

    SandboxMode(String cliName) {
        this.cliName = cliName;
    }

    /** @throws IllegalArgumentException naming the modes there are */
    public static SandboxMode parse(String name) {
        return Arrays.stream(values()).filter(mode -> mode.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sandbox mode '" + name + "'; expected "
                        + Arrays.stream(values()).map(SandboxMode::cliName).collect(Collectors.joining(", "))));
    }

    public String cliName() {
        return cliName;
    }

    /** Whether files in the workspace may change: through edit_file and write_file, or by commands. */
    public boolean allowsWorkspaceWrites() {
        return this != READ_ONLY;
    }

    /** Whether commands run inside bubblewrap rather than directly. */
    public boolean confinesCommands() {
        return this != FULL;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
