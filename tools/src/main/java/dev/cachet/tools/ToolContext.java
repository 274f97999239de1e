package dev.cachet.tools;

import java.time.Duration;

/** What every tool call runs against: the workspace and the limits on commands and output. */
public record ToolContext(Workspace workspace, Duration commandTimeout, int outputLimitChars) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_OUTPUT_LIMIT_CHARS = 20_000;

    public static ToolContext defaults(Workspace workspace) {
        return new ToolContext(workspace, DEFAULT_COMMAND_TIMEOUT, DEFAULT_OUTPUT_LIMIT_CHARS);
    }
}
