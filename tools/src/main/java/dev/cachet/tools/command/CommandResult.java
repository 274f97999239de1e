package dev.cachet.tools.command;

import java.time.Duration;

/** How a shell command ended: exit code (-1 if it was killed), merged stdout and stderr (capped), and time taken. */
public record CommandResult(int exitCode, String output, boolean timedOut, Duration elapsed) {
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
