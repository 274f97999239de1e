package dev.cachet.harness.cli;

import dev.cachet.tools.sandbox.CommandSandbox;
import dev.cachet.tools.sandbox.HiddenPaths;
import dev.cachet.tools.sandbox.ProcessLimits;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import dev.cachet.tools.sandbox.SandboxUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** What the agent's commands may reach: declared once for every command that runs the agent. */
final class SandboxOptions {
    static final List<String> NAMES = List.of("--sandbox", "--allow-env", "--allow-network", "--deny-read",
            "--allow-read", "--max-processes", "--max-memory");

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "workspace-write", converter = SandboxModeConverter.class,
            description = {"What the agent may change: read-only (nothing: edits refused), workspace-write (its "
                    + "workspace only) or full (anything you can). Except under full, commands run in bubblewrap "
                    + "(bwrap): the filesystem read-only but for the workspace, the credential stores hidden, "
                    + "private /tmp and /run, no network, no way to the host's processes, process and memory limits.",
                "Default: ${DEFAULT-VALUE}."})
    SandboxMode mode;

    @Option(names = "--allow-env", paramLabel = "NAME", split = ",",
            description = "Pass this environment variable to commands although it looks secret: a name with KEY, "
                    + "TOKEN, SECRET, PASSWORD, PASSWD or CREDENTIAL in it or the word PWD or PASS, or a URL with a "
                    + "password (repeatable, or NAME,NAME). Default: 'allow_env' in the config.")
    List<String> allowEnv = new ArrayList<>();

    @Option(names = "--allow-network", description = "Let sandboxed commands use the network. Default: 'allow_network' in the config.")
    boolean allowNetwork;

    @Option(names = "--deny-read", paramLabel = "PATH", description = "Hide this path from sandboxed commands too, as "
            + "they never see ~/.ssh, ~/.aws, ~/.gnupg and the other credential stores, and, inside the workspace, "
            + "from the file tools (repeatable).")
    List<Path> denyRead = new ArrayList<>();

    @Option(names = "--allow-read", paramLabel = "PATH", description = "Let sandboxed commands read this path although "
            + "it is, or lies in, a hidden one, e.g. ~/.docker (repeatable).")
    List<Path> allowRead = new ArrayList<>();

    @Option(names = "--max-processes", paramLabel = "N", defaultValue = "1024", converter = AtLeastOneConverter.class,
            description = "Processes and threads a sandboxed command may have at once: a fork bomb stops here. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxProcesses;

    @Option(names = "--max-memory", paramLabel = "SIZE", defaultValue = "8g", converter = ByteSizeConverter.class,
            description = "Address space each process of a sandboxed command may take (512m, 8g); a JVM reserves a "
                    + "few GB up front. Default: ${DEFAULT-VALUE}.")
    long maxMemory;

    /**
     * The sandbox asked for. When the programs it needs cannot be found where each command will look for them (on the
     * PATH of {@code environment}, outside {@code workspace}), says so once, up front: the refusals themselves only
     * reach the model.
     */
    Sandbox sandbox(Map<String, String> environment, PrintWriter warnings, Path workspace) {
        HiddenPaths hidden = new HiddenPaths(absolute(denyRead), absolute(allowRead));
        Sandbox sandbox = new Sandbox(mode, Set.copyOf(allowEnv), allowNetwork).withHidden(hidden)
                .withLimits(new ProcessLimits(maxProcesses, maxMemory));
        try {
            CommandSandbox.open(sandbox, environment, workspace);
        } catch (SandboxUnavailableException e) {
            warnings.println("warning: the agent's commands will be refused: " + e.getMessage());
        }
        return sandbox;
    }

    private static List<Path> absolute(List<Path> paths) {
        return paths.stream().map(Path::toAbsolutePath).toList();
    }
}
