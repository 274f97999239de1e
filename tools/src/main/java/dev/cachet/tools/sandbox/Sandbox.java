package dev.cachet.tools.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What the agent's tools may do: the mode, the environment variables passed to commands although their names look
 * secret, whether confined commands may use the network, what they may not read besides the credential stores, and
 * how many processes and how much memory each may take.
 */
public record Sandbox(SandboxMode mode, Set<String> allowedEnv, boolean network, HiddenPaths hidden, ProcessLimits limits) {
    public static final Sandbox DEFAULT = of(SandboxMode.DEFAULT);

    public Sandbox {
        allowedEnv = Set.copyOf(allowedEnv);
    }

    /** The mode, the variables passed on and the network, with the default hidden paths and limits. */
    public Sandbox(SandboxMode mode, Set<String> allowedEnv, boolean network) {
        this(mode, allowedEnv, network, HiddenPaths.NONE, ProcessLimits.DEFAULT);
    }

    /** The mode with no secret passed on and no network. */
    public static Sandbox of(SandboxMode mode) {
        return new Sandbox(mode, Set.of(), false);
    }

    /**
     * What a confined command cannot read, for tools that read the workspace themselves: a path hidden inside it is
     * hidden from them too. Nothing under {@code full}, whose commands read everything.
     *
     * @param environment the one cachet was started with, which says where the credential stores are
     */
    public HiddenFiles hiddenFrom(Map<String, String> environment, Path workspace) {
        return mode.confinesCommands() ? new HiddenFiles(Masks.of(environment, hidden, workspace)) : HiddenFiles.NONE;
    }

    public Sandbox withHidden(HiddenPaths hidden) {
        return new Sandbox(mode, allowedEnv, network, hidden, limits);
    }

    public Sandbox withLimits(ProcessLimits limits) {
        return new Sandbox(mode, allowedEnv, network, hidden, limits);
    }
}
