package dev.cachet.harness.cli;

import dev.cachet.tools.sandbox.Bubblewrap;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** What the agent's commands may reach: declared once for every command that runs the agent. */
final class SandboxOptions {
    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "workspace-write", converter = SandboxModeConverter.class,
            description = {"What the agent may change: read-only (nothing: edits refused), workspace-write (its "
                    + "workspace only) or full (anything you can). Except under full, commands run in bubblewrap "
                    + "(bwrap): the filesystem read-only but for the workspace, a private /tmp, no network.",
                "Default: ${DEFAULT-VALUE}."})
    SandboxMode mode;

    @Option(names = "--allow-env", paramLabel = "NAME", split = ",",
            description = "Pass this environment variable to commands although its name contains KEY, TOKEN, SECRET or "
                    + "PASSWORD (repeatable, or NAME,NAME). Default: 'allow_env' in the config.")
    List<String> allowEnv = new ArrayList<>();

    @Option(names = "--allow-network", description = "Let sandboxed commands use the network. Default: 'allow_network' in the config.")
    boolean allowNetwork;

    /**
     * The sandbox asked for. When it needs bubblewrap and none is on the PATH of {@code environment}, says so once, up
     * front: the refusals themselves only reach the model.
     */
    Sandbox sandbox(Map<String, String> environment, PrintWriter warnings) {
        if (mode.confinesCommands() && Bubblewrap.installed(environment).isEmpty()) {
            warnings.println("warning: the agent's commands will be refused: " + Bubblewrap.NOT_INSTALLED);
        }
        return new Sandbox(mode, Set.copyOf(allowEnv), allowNetwork);
    }
}
