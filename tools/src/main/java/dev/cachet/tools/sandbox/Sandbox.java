package dev.cachet.tools.sandbox;

import java.util.Set;

/**
 * What the agent's tools may do: the mode, the environment variables passed to commands although their names look
 * secret, and whether confined commands may use the network.
 */
public record Sandbox(SandboxMode mode, Set<String> allowedEnv, boolean network) {
    public static final Sandbox DEFAULT = of(SandboxMode.DEFAULT);

    public Sandbox {
        allowedEnv = Set.copyOf(allowedEnv);
    }

    /** The mode with no secret passed on and no network. */
    public static Sandbox of(SandboxMode mode) {
        return new Sandbox(mode, Set.of(), false);
    }
}
