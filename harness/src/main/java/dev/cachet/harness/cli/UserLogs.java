package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import dev.cachet.harness.config.UserDirs;
import dev.cachet.providers.session.SessionLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the user's own agents keep their session logs: what replay and stats read when given no paths. cachet's are
 * in the state directory; those older versions left in the current directory's .cachet/sessions are not the user's
 * for certain (a cloned repository can plant some there), so they are read only when named. Claude Code's are in
 * the projects of its homes ({@link UserDirs#claudeCode}), Codex's in its sessions and those it archived.
 */
record UserLogs(UserDirs dirs, Path workingDirectory) {
    static final String WHERE = "cachet (~/.local/state/cachet/sessions), Claude Code ($CLAUDE_CONFIG_DIR/projects, "
            + "else ~/.config/claude/projects and ~/.claude/projects) and Codex ($CODEX_HOME/sessions and "
            + "archived_sessions, else under ~/.codex)";

    List<Path> find() {
        Path codex = dirs.codex();
        Set<Path> seen = new HashSet<>();
        List<Path> logs = Stream.of(Stream.of(new SessionLogs(dirs.stateHome()).root()),
                        dirs.claudeCode().stream().map(home -> home.resolve("projects")),
                        Stream.of(codex.resolve("sessions"), codex.resolve("archived_sessions")))
                .flatMap(paths -> paths)
                .filter(Files::isDirectory)
                // A home linked to the other (~/.config/claude to ~/.claude) is read once.
                .filter(dir -> seen.add(realPath(dir)))
                .toList();
        if (logs.isEmpty()) {
            throw new InputException("no PATH given and no logs of " + WHERE + " here; name session files or "
                    + "directories");
        }
        return logs;
    }

    /** Where a directory really is; as named, where that cannot be told (it went meanwhile, and is read as gone). */
    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
