package dev.cachet.tools.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Whether processes are still running, found by pid or by a marker in their command line; Linux {@code /proc} first. */
public final class Processes {
    private Processes() {}

    public static boolean isRunning(long pid, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (isRunningNow(pid) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return isRunningNow(pid);
    }

    /** The running processes whose command line contains {@code marker}, once none is left or {@code patience} is up. */
    public static List<Long> runningWith(String marker, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Long> running = runningWith(marker);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            running = runningWith(marker);
        }
        return running;
    }

    private static List<Long> runningWith(String marker) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (commandLine(process).contains(marker) && isRunningNow(pid)) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
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
