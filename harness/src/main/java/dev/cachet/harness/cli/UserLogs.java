package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the user's own agents keep their session logs: what replay and stats read when given no paths. */
record UserLogs(Path home) {
    List<Path> find() {
        List<Path> logs = List.of(home.resolve(".claude/projects"), home.resolve(".codex/sessions")).stream()
                .filter(Files::isDirectory)
                .toList();
        if (logs.isEmpty()) {
            throw new InputException("no PATH given and no Claude Code (~/.claude/projects) or Codex "
                    + "(~/.codex/sessions) logs here; name session files or directories");
        }
        return logs;
    }
}
