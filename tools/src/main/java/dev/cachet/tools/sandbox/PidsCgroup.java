package dev.cachet.tools.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A pids cgroup that caps the processes of one confined command where RLIMIT_NPROC cannot: the kernel never holds
 * root to that limit, not even inside a user namespace. It is made under cachet's own cgroup, in a cgroup v1 pids
 * hierarchy or a cgroup v2 tree that hands the pids controller down, wherever cachet may write there (as root, or
 * in a delegated tree); elsewhere there is none. The command joins it before bwrap starts, so everything it forks
 * is counted; the sandbox cannot leave it, as it sees the cgroup files read-only.
 */
final class PidsCgroup implements AutoCloseable {
    private static final Path MOUNTS = Path.of("/proc/self/mountinfo");
    private static final Path OWN_CGROUPS = Path.of("/proc/self/cgroup");
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Path dir;

    private PidsCgroup(Path dir) {
        this.dir = dir;
    }

    /** A new cgroup that holds at most {@code maxProcesses} processes and threads, where one can be made. */
    static Optional<PidsCgroup> create(int maxProcesses) {
        for (Path parent : ownPidsCgroups()) {
            Path dir = parent.resolve("cachet-" + UUID.randomUUID());
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                continue;
            }
            try {
                // A v2 cgroup whose parent does not hand down the pids controller has no pids.max.
                Files.writeString(dir.resolve("pids.max"), Integer.toString(maxProcesses));
                return Optional.of(new PidsCgroup(dir));
            } catch (IOException e) {
                remove(dir);
            }
        }
        return Optional.empty();
    }

    /** {@code argv}, run from a shell that first moves itself into this cgroup. */
    List<String> enter(List<String> argv) {
        List<String> entering = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                dir.resolve("cgroup.procs").toString()));
        entering.addAll(argv);
        return entering;
    }

    /**
     * Kills whatever is still in the cgroup, and removes it once its processes are gone: they may still be dying of
     * the PID namespace's end. One that outlasts the grace period leaves the cgroup behind, to be emptied by its death.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (!remove(dir) && System.nanoTime() < deadline) {
            members().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private List<Long> members() {
        try {
            return Files.readAllLines(dir.resolve("cgroup.procs")).stream().map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean remove(Path dir) {
        try {
            Files.delete(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // cachet's own cgroup in each hierarchy that can count processes: a v1 hierarchy with the pids controller, or v2.
    // /proc/self/mountinfo: "id parent dev root mountpoint options ... - fstype source superoptions".
    private static List<Path> ownPidsCgroups() {
        List<Path> found = new ArrayList<>();
        try {
            List<String> own = Files.readAllLines(OWN_CGROUPS);
            for (String mount : Files.readAllLines(MOUNTS)) {
                String[] fields = mount.split(" ");
                String[] filesystem = mount.substring(mount.indexOf(" - ") + 3).split(" ");
                Path mountPoint = Path.of(fields[4]);
                if (filesystem[0].equals("cgroup2")) {
                    ownPath(own, "").ifPresent(path -> found.add(under(mountPoint, fields[3], path)));
                } else if (filesystem[0].equals("cgroup") && List.of(filesystem[2].split(",")).contains("pids")) {
                    ownPath(own, "pids").ifPresent(path -> found.add(under(mountPoint, fields[3], path)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc, or a layout not understood: no cgroup.
        }
        return found;
    }

    // /proc/self/cgroup: "0::/path" for v2, "N:controllers:/path" for each v1 hierarchy.
    private static Optional<String> ownPath(List<String> own, String controller) {
        return own.stream().map(line -> line.split(":", 3)).filter(fields -> fields.length == 3)
                .filter(fields -> controller.isEmpty()
                        ? fields[0].equals("0") && fields[1].isEmpty()
                        : List.of(fields[1].split(",")).contains(controller))
                .map(fields -> fields[2])
                .findFirst();
    }

    // The cgroup's path is from the hierarchy's root, the mount's from what it shows of it.
    private static Path under(Path mountPoint, String mountRoot, String cgroupPath) {
        Path relative = Path.of("/").relativize(Path.of(cgroupPath));
        Path shown = Path.of("/").relativize(Path.of(mountRoot));
        return mountPoint.resolve(shown.relativize(relative));
    }
}
