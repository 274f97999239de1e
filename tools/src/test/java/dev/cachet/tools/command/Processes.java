package dev.cachet.tools.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Whether a process is still running; a zombie (dead, not yet reaped) is not. Linux {@code /proc} first. */
public final class Processes {
    private Processes() {}

    public static boolean isRunning(long pid, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (isRunningNow(pid) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return isRunningNow(pid);
    }

    private static boolean isRunningNow(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat);
                char state = text.charAt(text.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
