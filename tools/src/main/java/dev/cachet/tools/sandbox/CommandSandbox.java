package dev.cachet.tools.sandbox;

import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.command.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs shell commands in a workspace as a sandbox says: with the environment cachet was given less its secrets and,
 * except under {@code full}, inside bubblewrap with the sandbox's limits (and, where one can be made, in a pids
 * cgroup, which holds root too). Every process a command starts ends with it, in every mode (see
 * {@link CommandRunner}).
 */
public final class CommandSandbox {
    public static final String PRLIMIT_NOT_INSTALLED = "prlimit (util-linux) is not installed: install the 'util-linux' "
            + "package, or run with --sandbox full to run commands unsandboxed";

    private final Sandbox sandbox;
    private final Map<String, String> environment;
    private final Optional<Confinement> confinement;

    private CommandSandbox(Sandbox sandbox, Map<String, String> environment, Optional<Confinement> confinement) {
        this.sandbox = sandbox;
        this.environment = Map.copyOf(environment);
        this.confinement = confinement;
    }

    /**
     * The sandbox for commands started from {@code environment}, the one cachet was given, whose PATH has the
     * programs a confined command needs: outside {@code workspace}, where a command could have put its own.
     * @throws SandboxUnavailableException if the sandbox confines commands and bwrap or prlimit is missing
     */
    public static CommandSandbox open(Sandbox sandbox, Map<String, String> environment, Path workspace)
            throws SandboxUnavailableException {
        if (!sandbox.mode().confinesCommands()) {
            return new CommandSandbox(sandbox, environment, Optional.empty());
        }
        String path = environment.get("PATH");
        Bubblewrap bwrap = Executables.outside(workspace, "bwrap", path).map(Bubblewrap::at)
                .orElseThrow(() -> new SandboxUnavailableException(Bubblewrap.NOT_INSTALLED));
        Path prlimit = Executables.outside(workspace, "prlimit", path)
                .orElseThrow(() -> new SandboxUnavailableException(PRLIMIT_NOT_INSTALLED));
        return new CommandSandbox(sandbox, environment, Optional.of(new Confinement(bwrap, prlimit)));
    }

    /** Runs {@code command} with /bin/sh in {@code workspace} (a real path). @throws IOException if it cannot start */
    public CommandResult run(String command, Path workspace, Duration timeout, int outputLimitChars) throws IOException {
        Map<String, String> scrubbed = CommandEnvironment.of(environment, sandbox.allowedEnv());
        CommandRunner runner = new CommandRunner(outputLimitChars);
        if (confinement.isEmpty()) {
            return runner.run(command, scrubbed, workspace, timeout);
        }
        ConfinedCommand confined = confinement.get().bwrap().wrap(CommandRunner.shell(command), workspace, sandbox,
                environment, confinement.get().prlimit());
        Optional<PidsCgroup> cgroup = PidsCgroup.create(sandbox.limits().processes());
        try {
            return runner.run(cgroup.map(joined -> joined.enter(confined.argv())).orElse(confined.argv()), scrubbed,
                    workspace, timeout);
        } finally {
            cgroup.ifPresent(PidsCgroup::close);
            removeEmpty(confined.mountPoints());
        }
    }

    // bwrap's mount points are empty folders; deleting refuses one that is not empty, and that is left as it is.
    private static void removeEmpty(List<Path> mountPoints) {
        for (Path mountPoint : mountPoints) {
            try {
                if (Files.isDirectory(mountPoint, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(mountPoint);
                }
            } catch (IOException e) {
                // Gone already, or not empty.
            }
        }
    }

    private record Confinement(Bubblewrap bwrap, Path prlimit) {}
}
