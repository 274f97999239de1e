package dev.cachet.tools;

import dev.cachet.context.state.TaskState;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every tool call runs against: the workspace, the limits on commands and output, and a read-only view of the
 * session's task state (which {@code update_task_state} checks its changes against).
 */
public record ToolContext(Workspace workspace, Duration commandTimeout, int outputLimitChars, Supplier<TaskState> taskState) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_OUTPUT_LIMIT_CHARS = 20_000;

    public static ToolContext defaults(Workspace workspace) {
        TaskState empty = TaskState.forGoal("");
        return new ToolContext(workspace, DEFAULT_COMMAND_TIMEOUT, DEFAULT_OUTPUT_LIMIT_CHARS, () -> empty);
    }
}
