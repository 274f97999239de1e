package dev.cachet.evals;

import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.command.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs a task's check command in a workspace: exit 0 means solved. */
public final class TaskCheck {
    static final int OUTPUT_LIMIT_CHARS = 4_000;

    private final Duration timeout;
    private final Map<String, String> environment;

    /** @param environment what the check runs with: the environment cachet was started with */
    public TaskCheck(Duration timeout, Map<String, String> environment) {
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
    }

    public CheckResult run(Task task, Path workspace) {
        return run(task.id(), task.check(), workspace);
    }

    /** Runs the shell command {@code check} of the task {@code taskId}, for tasks that are not a {@link Task}. */
    public CheckResult run(String taskId, String check, Path workspace) {
        try {
            CommandResult result = new CommandRunner(OUTPUT_LIMIT_CHARS).run(check, environment, workspace, timeout);
            return new CheckResult(result.succeeded(), result.exitCode(), result.timedOut(), result.output());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the check of task " + taskId + ": " + check, e);
        }
    }
}
