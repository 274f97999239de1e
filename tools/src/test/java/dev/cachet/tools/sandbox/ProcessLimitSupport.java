package dev.cachet.tools.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a confined command's process limit holds for the user the tests run as. */
public final class ProcessLimitSupport {
    private ProcessLimitSupport() {}

    /** RLIMIT_NPROC holds for an ordinary user; root needs a pids cgroup, which not every machine lets it make. */
    public static boolean holds() throws IOException {
        if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") != 0) {
            return true;
        }
        return PidsCgroup.create(1).map(cgroup -> {
            cgroup.close();
            return true;
        }).orElse(false);
    }
}
