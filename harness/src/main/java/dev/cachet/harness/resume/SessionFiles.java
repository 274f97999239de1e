package dev.cachet.harness.resume;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a workspace's session logs are found, and which log a user means: a session id, a path, or nothing for the
 * session that was active last. The one place that reads back where logs live.
 */
public final class SessionFiles {
    private static final String SUFFIX = ".jsonl";

    private final Path directory;

    SessionFiles(Path directory) {
        this.directory = directory;
    }

    public static SessionFiles of(Path workspace) {
        return new SessionFiles(workspace.resolve(".cachet").resolve("sessions"));
    }

    /** Every log, the one written to last first. */
    public List<Path> all() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(SessionFiles::modified).thenComparing(Path::getFileName).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the session logs in " + directory, e);
        }
    }

    /** The log a user means by a session id or a path; without either, the one written to last. */
    public Path find(Optional<String> idOrPath) {
        if (idOrPath.isEmpty()) {
            return all().stream().findFirst().orElseThrow(() -> new InputException(
                    "no sessions to resume: " + directory + " holds no session logs; start one with 'cachet run'"));
        }
        String given = idOrPath.get();
        Path log = given.endsWith(SUFFIX) || given.contains("/") ? Path.of(given) : directory.resolve(given + SUFFIX);
        if (!Files.isRegularFile(log)) {
            throw new InputException("no session '" + given + "': " + log + " is not a session log; "
                    + "'cachet sessions' lists this workspace's sessions");
        }
        return log;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
