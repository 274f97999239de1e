package dev.cachet.evals;

import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.sandbox.CommandSandbox;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a task's check command in a workspace, confined as the agent's commands are: what the agent left in the
 * workspace runs with the check, so it must reach no secret and no network the agent's commands could not.
 * Exit 0 means solved.
 */
public final class TaskCheck {
    static final int OUTPUT_LIMIT_CHARS = 4_000;

    private final Duration timeout;
    private final Map<String, String> environment;
    private final Sandbox sandbox;

    /**
     * @param environment the environment cachet was started with; the check gets it less its secrets
     * @param sandbox the agent's sandbox
     */
    public TaskCheck(Duration timeout, Map<String, String> environment, Sandbox sandbox) {
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
        this.sandbox = sandbox;
    }

    public CheckResult run(Task task, Path workspace) {
        return run(task.id(), task.check(), workspace);
    }

    /** Runs the shell command {@code check} of the task {@code taskId}, for tasks that are not a {@link Task}. */
    public CheckResult run(String taskId, String check, Path workspace) {
        try {
            CommandSandbox confined = CommandSandbox.open(sandbox, environment, workspace);
            CommandResult result = confined.run(check, workspace.toRealPath(), timeout, OUTPUT_LIMIT_CHARS);
            return new CheckResult(result.succeeded(), result.exitCode(), result.timedOut(), result.output());
        } catch (SandboxUnavailableException e) {
            throw new CheckException("cannot run the check of task " + taskId + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the check of task " + taskId + ": " + check, e);
        }
    }
}
