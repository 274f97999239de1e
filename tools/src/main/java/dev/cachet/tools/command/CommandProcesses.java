package dev.cachet.tools.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    // A process may fork while its relatives are killed; looking again catches the child, and a fork bomb that
    // outruns this many rounds is left to the sandbox's process limit.
    private static final int ROUNDS = 50;
    private static final Path PROC = Path.of("/proc");

    private final String marker = UUID.randomUUID().toString();
    private final long self = ProcessHandle.current().pid();

    /** Adds the marker to the environment the command starts with. */
    void mark(Map<String, String> environment) {
        environment.put(MARKER_VARIABLE, marker);
    }

    /** Kills every process of the command led by {@code session}, if it has one, and of the marker, until none is left. */
    void killAll(Optional<Long> session) {
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> found = find(session);
            if (found.isEmpty()) {
                return;
            }
            found.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private List<Long> find(Optional<Long> session) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && (session.isPresent() && inSession(process, session.get()) || marked(process))) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            // Without /proc there is nothing to look through; the runner has killed what it knows of.
        }
        return found;
    }

    // /proc/<pid>/stat: pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses, so count from the last ')'.
    private static boolean inSession(Path process, long session) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[0].charAt(0) != 'Z' && Long.parseLong(fields[3]) == session;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
}
