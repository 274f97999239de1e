package dev.cachet.tools.sandbox;

import dev.cachet.tools.CachetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Confines a command with bubblewrap ({@code bwrap}) so that it has no way back to the host: new user, PID, IPC and
 * UTS namespaces with every capability dropped (a root caller's command cannot remount, unmount or {@code nsenter}),
 * a fresh /proc that shows none of the host's processes, the whole filesystem read-only but the workspace in
 * {@code workspace-write}, cachet's own files in the workspace read-only, the credential stores hidden, private
 * /tmp and /run, no network unless allowed, and a process and memory limit. It dies with cachet, and the kernel
 * ends every process in its PID namespace with it.
 *
 * <p>Not here on purpose: {@code --clearenv}/{@code --setenv} would put every variable's value on bwrap's command
 * line, readable by anyone through /proc; bwrap passes on the (already scrubbed) environment it is started with.
 */
public record Bubblewrap(Path executable, boolean sizesTmpfs) {
    public static final String NOT_INSTALLED = "bwrap (bubblewrap) is not installed: install the 'bubblewrap' package, "
            + "or run with --sandbox full to run commands unsandboxed";
    private static final Path RUN = Path.of("/run");
    private static final long RUN_BYTES = 64L << 20;
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final Map<Path, Boolean> SIZES_TMPFS = new ConcurrentHashMap<>();

    /** The bwrap at {@code executable}, asked once whether it can size a tmpfs ({@code --size} came in 0.7.0). */
    public static Bubblewrap at(Path executable) {
        return new Bubblewrap(executable, SIZES_TMPFS.computeIfAbsent(executable, Bubblewrap::takesSize));
    }

    // Ubuntu 22.04 has 0.6.1, Debian 11 0.4: an option they do not know fails every command.
    private static boolean takesSize(Path executable) {
        try {
            Process help = new ProcessBuilder(executable.toString(), "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor();
            return text.contains("--size");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Wraps {@code command} to run in {@code workspace} (a real path) under {@code sandbox}, with the credential
     * stores found from {@code environment} hidden and its limits applied through {@code prlimit}.
     */
    public ConfinedCommand wrap(List<String> command, Path workspace, Sandbox sandbox, Map<String, String> environment,
            Path prlimit) {
        List<String> argv = new ArrayList<>(List.of(executable.toString(),
                "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--cap-drop", "ALL",
                // --new-session also keeps the command from pushing keystrokes into a terminal (TIOCSTI).
                "--die-with-parent", "--new-session",
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc"));
        // A tmpfs is the host's memory, which no process limit counts: /tmp holds what one process may take.
        sized(argv, sandbox.limits().memoryBytes());
        argv.addAll(List.of("--tmpfs", "/tmp"));
        // Host daemons listen on sockets under /run (D-Bus, systemd, docker, ssh and gpg agents), and a socket can
        // be connected to through a read-only mount: over D-Bus alone a command could start one outside.
        if (Files.isDirectory(RUN)) {
            sized(argv, RUN_BYTES);
            add(argv, "--tmpfs", RUN);
        }
        if (sandbox.network()) {
            resolverConfigUnderRun().ifPresent(conf -> add(argv, "--ro-bind", conf, conf));
        } else {
            argv.add("--unshare-net");
        }
        boolean writable = sandbox.mode().allowsWorkspaceWrites();
        // After /tmp and /run, so a workspace under them is mounted on top of the private ones.
        add(argv, writable ? "--bind" : "--ro-bind", workspace, workspace);
        List<Path> mountPoints = writable ? protectCachetFiles(argv, workspace) : List.of();
        Masks masks = Masks.of(environment, sandbox.hidden(), workspace);
        masks.hidden().forEach(hidden -> mask(argv, hidden));
        for (Path shown : masks.shown()) {
            add(argv, "--ro-bind", shown, shown);
            // Bound from the host whole: the hidden paths inside it are masked again on top.
            masks.hidden().stream().filter(hidden -> hidden.startsWith(shown) && !hidden.equals(shown))
                    .forEach(hidden -> mask(argv, hidden));
        }
        // Read-only once the shown paths are mounted in them: a writable mask is memory a command could fill, as
        // many times over as there are masks.
        masks.hidden().stream().filter(Files::isDirectory).forEach(hidden -> add(argv, "--remount-ro", hidden));
        add(argv, "--chdir", workspace);
        argv.addAll(List.of(prlimit.toString(), "--nproc=" + sandbox.limits().processes(),
                "--as=" + sandbox.limits().memoryBytes(), "--"));
        argv.addAll(command);
        return new ConfinedCommand(argv, mountPoints);
    }

    // Before the --tmpfs it sizes; an older bwrap leaves the tmpfs at the kernel's default, half the memory.
    private void sized(List<String> argv, long bytes) {
        if (sizesTmpfs) {
            argv.addAll(List.of("--size", Long.toString(bytes)));
        }
    }

    private static void mask(List<String> argv, Path hidden) {
        if (Files.isDirectory(hidden)) {
            add(argv, "--tmpfs", hidden);
        } else {
            add(argv, "--ro-bind", Path.of("/dev/null"), hidden);
        }
    }

    // Read-only over what exists; over what does not, an empty read-only folder, so that the command cannot create
    // it (a folder, not /dev/null, which `git add -A` fails on). bwrap makes that mount point on the host, to be
    // removed when the command has ended.
    private static List<Path> protectCachetFiles(List<String> argv, Path workspace) {
        List<Path> mountPoints = new ArrayList<>();
        for (String name : List.of(CachetFiles.CONFIG, CachetFiles.STATE)) {
            Path path = workspace.resolve(name);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                add(argv, "--ro-bind", path, path);
            } else {
                add(argv, "--tmpfs", path);
                add(argv, "--remount-ro", path);
                mountPoints.add(path);
            }
        }
        return mountPoints;
    }

    // Where /etc/resolv.conf is a link into /run (systemd-resolved, NetworkManager), name lookups need it back.
    private static Optional<Path> resolverConfigUnderRun() {
        try {
            Path real = RESOLV_CONF.toRealPath();
            return real.startsWith(RUN) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void add(List<String> argv, String option, Path... paths) {
        argv.add(option);
        for (Path path : paths) {
            argv.add(path.toString());
        }
    }
}
