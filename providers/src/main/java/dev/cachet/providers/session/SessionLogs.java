package dev.cachet.providers.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where session logs are kept: {@code <state home>/cachet/sessions/<workspace key>/<id>.jsonl}, outside the
 * workspace and so out of the reach of the agent working in it, as Claude Code and Codex keep theirs. Logs that
 * older versions wrote into the workspace ({@code .cachet/sessions}) are only named, never listed as cachet's: one
 * there may be a forgery, whose resumed turns would reach the model as the user's.
 *
 * @param stateHome the user's state directory, {@code $XDG_STATE_HOME} or {@code ~/.local/state}
 */
public record SessionLogs(Path stateHome) {
    private static final int NAME_CHARS = 40;
    private static final int HASH_CHARS = 12;
    /** The hash {@link #key} ends in, as HexFormat writes it. */
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + HASH_CHARS + "}");
    private static final Comparator<Path> BY_NAME = Comparator.comparing(path -> path.getFileName().toString());

    /**
     * Whether {@code directory} is the name of a directory of logs of a workspace named {@code name}: the workspace's
     * name, then a hash of its path ({@link #key}), which tells apart two workspaces of one name.
     */
    public static boolean namesWorkspace(String directory, String name) {
        return directory.startsWith(name + "-") && HASH.matcher(directory.substring(name.length() + 1)).matches();
    }

    /** The directory of a workspace's logs (which may not exist yet). */
    public Path directoryFor(Path workspace) {
        return root().resolve(key(canonical(workspace)));
    }

    /** Where the log of session {@code sessionId} in {@code workspace} is, or would be. */
    public Path pathFor(Path workspace, String sessionId) {
        return directoryFor(workspace).resolve(sessionId + ".jsonl");
    }

    /**
     * Makes the workspace's log directory and returns the new session's log path. Each directory cachet makes must be
     * a real directory: a symbolic link or a file in its place is refused, so the logs cannot be sent elsewhere.
     */
    public Path create(Path workspace, String sessionId) {
        try {
            Files.createDirectories(stateHome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + stateHome, e);
        }
        Path directory = stateHome;
        for (String name : List.of("cachet", "sessions", key(canonical(workspace)))) {
            directory = directory.resolve(name);
            makeRealDirectory(directory);
        }
        return directory.resolve(sessionId + ".jsonl");
    }

    /**
     * The logs cachet wrote for {@code workspace} where it keeps them, out of the agent's reach, by file name; never
     * those in the workspace itself, where older versions wrote theirs and where an agent or a cloned repository can
     * plant one.
     */
    public List<Path> list(Path workspace) {
        return sorted(logsIn(directoryFor(workspace)));
    }

    /** The log of session {@code sessionId} in {@code workspace}, where cachet keeps it. */
    public Optional<Path> find(Path workspace, String sessionId) {
        return Optional.of(pathFor(workspace, sessionId)).filter(Files::isRegularFile);
    }

    /** The logs in the workspace where older versions wrote them: never trusted as cachet's own, only named. */
    public static List<Path> leftInWorkspace(Path workspace) {
        return sorted(logsIn(legacyDirectory(workspace)));
    }

    /** Every workspace's logs: the directory under which cachet keeps them all. */
    public Path root() {
        return stateHome.resolve("cachet").resolve("sessions");
    }

    /** Where versions before the state directory wrote a workspace's logs. */
    public static Path legacyDirectory(Path workspace) {
        return workspace.resolve(".cachet").resolve("sessions");
    }

    /** The last part of the path, readable, and a hash of the whole path, so that two workspaces never share one. */
    static String key(Path canonicalWorkspace) {
        Path last = canonicalWorkspace.getFileName();
        String name = last == null ? "root" : last.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > NAME_CHARS) {
            name = name.substring(0, NAME_CHARS);
        }
        if (name.matches("\\.*")) {
            name = "_" + name;
        }
        return name + "-" + sha256(canonicalWorkspace.toString()).substring(0, HASH_CHARS);
    }

    private static void makeRealDirectory(Path directory) {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // There already, or made by another session a moment ago: either way it is checked below.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        if (!attributes.isDirectory()) {
            throw new SessionLogException(directory + ": " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a directory")
                    + "; cachet keeps session logs only in a real directory there: remove it and run again");
        }
    }

    private static List<Path> sorted(List<Path> logs) {
        return logs.stream().sorted(BY_NAME).toList();
    }

    private static List<Path> logsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static Path canonical(Path workspace) {
        try {
            return workspace.toRealPath();
        } catch (IOException e) {
            return workspace.toAbsolutePath().normalize();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
