package dev.cachet.tools.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The processes that belong to one command, wherever they went: those of its session (it runs as a session leader,
 * so its pid is the session id; process groups made inside it, as {@code set -m} does, stay in it) and every one that
 * still carries the command's marker variable in its environment ({@code setsid}, {@code nohup} and double forks keep
 * it). Found in /proc; a process that both leaves the session and clears its environment is not found.
 */
final class CommandProcesses {
    static final String MARKER_VARIABLE = "CACHET_COMMAND";

    // A process may fork while its relatives are killed; looking again catches the child. A fork bomb that outruns
    // this is left to the sandbox's process limit.
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Path PROC = Path.of("/proc");

    private final String marker = UUID.randomUUID().toString();
    private final long self = ProcessHandle.current().pid();
    private long startTime;

    /** Adds the marker to the environment the command starts with. */
    void mark(Map<String, String> environment) {
        environment.put(MARKER_VARIABLE, marker);
    }

    /** Notes when the command started: a process that started before it is none of its, and its environment unread. */
    void started(long pid) {
        startTime = Stat.of(PROC.resolve(Long.toString(pid))).map(Stat::startTime).orElse(0L);
    }

    /**
     * Kills every process of the command led by {@code session}, if it has one, and of the marker; and looks again,
     * for any they forked meanwhile, until none is left or the grace period is over. (A killed process may show a
     * little while it dies, and is killed again; waiting on it instead would be slower: the JDK polls a process that
     * is not its child every 300 ms.)
     */
    void killAll(Optional<Long> session) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (List<ProcessHandle> found = find(session); !found.isEmpty() && System.nanoTime() < deadline;
                found = find(session)) {
            found.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private List<ProcessHandle> find(Optional<Long> session) {
        List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                Optional<Stat> stat = Stat.of(process).filter(Stat::alive);
                if (pid != self && stat.isPresent() && (session.isPresent() && stat.get().session() == session.get()
                        || stat.get().startTime() >= startTime && marked(process))) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // Without /proc there is nothing to look through; the runner has killed what it knows of.
        }
        return found;
    }

    // Another user's process, or one that ended meanwhile, cannot be read, and is none of the command's.
    private boolean marked(Path process) {
        try {
            String environment = new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.UTF_8);
            return environment.contains(MARKER_VARIABLE + "=" + marker + "\0");
        } catch (IOException e) {
            return false;
        }
    }

    /** What /proc/<pid>/stat says of a process that matters here; its start time is in clock ticks since boot. */
    private record Stat(char state, long session, long startTime) {
        // "pid (comm) state ppid pgrp session ... starttime ...": comm may hold spaces and parentheses, so the fields
        // are counted from the last ')'; state is the 3rd field, session the 6th, starttime the 22nd.
        static Optional<Stat> of(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[3]), Long.parseLong(fields[19])));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        boolean alive() {
            return state != 'Z' && state != 'X';
        }
    }
}
