package dev.cachet.tools;

import dev.cachet.context.state.TaskState;
import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every tool call runs against: the workspace, the environment cachet was started with (commands get it less
 * its secrets, and bwrap is looked up on its PATH), the limits on commands and output, a read-only view of the
 * session's task state (which {@code update_task_state} checks its changes against), the sandbox, and who approves
 * commands and writes.
 */
public record ToolContext(Workspace workspace, Map<String, String> environment, Duration commandTimeout,
        int outputLimitChars, Supplier<TaskState> taskState, Sandbox sandbox, Approver approver) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_OUTPUT_LIMIT_CHARS = 20_000;

    public ToolContext {
        environment = Map.copyOf(environment);
    }

    public static ToolContext defaults(Workspace workspace, Map<String, String> environment) {
        TaskState empty = TaskState.forGoal("");
        return new ToolContext(workspace, environment, DEFAULT_COMMAND_TIMEOUT, DEFAULT_OUTPUT_LIMIT_CHARS, () -> empty,
                Sandbox.DEFAULT, Approver.ALWAYS);
    }

    public ToolContext withSandbox(Sandbox sandbox) {
        return new ToolContext(workspace, environment, commandTimeout, outputLimitChars, taskState, sandbox, approver);
    }

    public ToolContext withApprover(Approver approver) {
        return new ToolContext(workspace, environment, commandTimeout, outputLimitChars, taskState, sandbox, approver);
    }

    /** The workspace's files, less what the sandbox hides from commands. */
    public WorkspaceFiles files() {
        return new WorkspaceFiles(workspace.root(), sandbox.hiddenFrom(environment, workspace.root()));
    }

    /** @throws ToolException naming the mode, if the sandbox keeps {@code tool} from changing files */
    public void checkEditsAllowed(String tool) throws ToolException {
        if (!sandbox.mode().allowsWorkspaceWrites()) {
            throw new ToolException(sandbox.mode() + " sandbox: " + tool + " refused; run with --sandbox "
                    + SandboxMode.WORKSPACE_WRITE + " to allow edits");
        }
    }

    /** @throws ToolException if the user declines {@code what}, the command or change as the tool describes it */
    public void checkApproved(String what) throws ToolException {
        if (!approver.approve(what)) {
            throw new ToolException("the user declined: " + what + "; nothing was done");
        }
    }
}
