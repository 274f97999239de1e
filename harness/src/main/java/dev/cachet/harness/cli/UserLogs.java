package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import dev.cachet.harness.config.UserDirs;
import dev.cachet.providers.session.SessionLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the user's own agents keep their session logs: what replay and stats read when given no paths. cachet's are
 * in the state directory; those older versions left in the current directory's .cachet/sessions are not the user's
 * for certain (a cloned repository can plant some there), so they are read only when named.
 */
record UserLogs(UserDirs dirs, Path workingDirectory) {
    List<Path> find() {
        Path home = dirs.home();
        List<Path> logs = List.of(new SessionLogs(dirs.stateHome()).root(), home.resolve(".claude/projects"),
                        home.resolve(".codex/sessions")).stream()
                .filter(Files::isDirectory)
                .toList();
        if (logs.isEmpty()) {
            throw new InputException("no PATH given and no cachet (~/.local/state/cachet/sessions), Claude Code "
                    + "(~/.claude/projects) or Codex (~/.codex/sessions) logs here; name session files or directories");
        }
        return logs;
    }
}
