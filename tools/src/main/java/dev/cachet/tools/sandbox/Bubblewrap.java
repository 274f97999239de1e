package dev.cachet.tools.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confines a command with bubblewrap ({@code bwrap}): the whole filesystem read-only, the workspace writable only in
 * {@code workspace-write}, a private /tmp, no network unless allowed, and the command killed with its parent.
 *
 * <p>Not here on purpose: {@code --new-session} would move the command out of the process group that the runner
 * kills on timeout, and {@code --clearenv}/{@code --setenv} would put every variable's value on bwrap's command
 * line, readable by anyone through /proc; bwrap passes on the (already scrubbed) environment it is started with.
 */
public record Bubblewrap(Path executable) {
    public static final String NOT_INSTALLED = "bwrap (bubblewrap) is not installed: install the 'bubblewrap' package, "
            + "or run with --sandbox full to run commands unsandboxed";

    /** bwrap as found on the PATH of {@code environment}, the one cachet was started with. */
    public static Optional<Bubblewrap> installed(Map<String, String> environment) {
        return onPath(environment.get("PATH"));
    }

    /** bwrap in the first directory of {@code path} (a PATH value, may be null) that has it executable. */
    public static Optional<Bubblewrap> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> candidate(dir).stream())
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst().map(Bubblewrap::new);
    }

    private static Optional<Path> candidate(String dir) {
        try {
            return Optional.of(Path.of(dir, "bwrap"));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The argument list that runs {@code command} in {@code workspace} (a real path) under {@code sandbox}. */
    public List<String> wrap(List<String> command, Path workspace, Sandbox sandbox) {
        String root = workspace.toString();
        List<String> argv = new ArrayList<>(List.of(executable.toString(),
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--tmpfs", "/tmp",
                // After /tmp, so a workspace under /tmp is mounted on top of the private one.
                sandbox.mode().allowsWorkspaceWrites() ? "--bind" : "--ro-bind", root, root));
        if (!sandbox.network()) {
            argv.add("--unshare-net");
        }
        argv.addAll(List.of("--die-with-parent", "--chdir", root));
        argv.addAll(command);
        return List.copyOf(argv);
    }
}
