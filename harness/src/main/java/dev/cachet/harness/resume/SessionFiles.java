package dev.cachet.harness.resume;

import dev.cachet.context.Counted;
import dev.cachet.harness.InputException;
import dev.cachet.providers.session.SessionLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a workspace's session logs a user means: a session id, a path, or nothing for the session that was active
 * last. The logs are where {@link SessionLogs} keeps them; one older versions left in the workspace is resumed only
 * when the user names its path, having checked it, since an agent or a cloned repository can plant one there.
 */
public final class SessionFiles {
    private static final String SUFFIX = ".jsonl";

    private final SessionLogs logs;
    private final Path workspace;

    private SessionFiles(SessionLogs logs, Path workspace) {
        this.logs = logs;
        this.workspace = workspace;
    }

    /** The logs of the sessions in {@code workspace}, kept in {@code logs}. */
    public static SessionFiles of(SessionLogs logs, Path workspace) {
        return new SessionFiles(logs, workspace);
    }

    /** Every log, the one written to last first; an empty one (a disk full before its first event) is none. */
    public List<Path> all() {
        return logs.list(workspace).stream()
                .filter(SessionFiles::holdsAnything)
                .sorted(Comparator.comparing(SessionFiles::modified).thenComparing(Path::getFileName).reversed())
                .toList();
    }

    /** The logs older versions left in the workspace, which are never resumed unless named by path. */
    public List<Path> leftInWorkspace() {
        return SessionLogs.leftInWorkspace(workspace);
    }

    /** The log a user means by a session id or a path; without either, the one written to last. */
    public Path find(Optional<String> idOrPath) {
        if (idOrPath.isEmpty()) {
            return all().stream().findFirst().orElseThrow(() -> new InputException("no sessions to resume: "
                    + logs.directoryFor(workspace) + " holds no session logs of " + workspace
                    + "; start one with 'cachet run'" + leftInWorkspaceHint()));
        }
        String given = idOrPath.get();
        if (given.endsWith(SUFFIX) || given.contains("/")) {
            Path log = Path.of(given);
            if (!Files.isRegularFile(log)) {
                throw new InputException("no session '" + given + "': " + log + (Files.exists(log)
                        ? " is not a file" : ": no such file") + "; 'cachet sessions' lists this workspace's sessions");
            }
            return log;
        }
        return logs.find(workspace, given).orElseThrow(() -> leftInWorkspace().stream()
                .filter(log -> log.getFileName().toString().equals(given + SUFFIX)).findFirst()
                .map(log -> new InputException("session '" + given + "' is a log older versions left in the workspace, "
                        + log + ", where an agent or a cloned repository can plant one: check it, then resume it by its path"))
                .orElseGet(() -> new InputException("no session '" + given + "': " + logs.pathFor(workspace, given)
                        + " is not a session log; 'cachet sessions' lists this workspace's sessions")));
    }

    /** Names the logs older versions left in the workspace, which a user may have meant; empty when there are none. */
    public String leftInWorkspaceHint() {
        List<Path> left = leftInWorkspace();
        return left.isEmpty() ? "" : " (" + Counted.of(left.size(), "log") + " older versions left in "
                + left.get(0).getParent() + " can be resumed by path once checked)";
    }

    private static boolean holdsAnything(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
