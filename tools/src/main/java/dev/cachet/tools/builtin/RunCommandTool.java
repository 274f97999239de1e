package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.sandbox.CommandSandbox;
import dev.cachet.tools.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs a shell command in the workspace root through the session's {@link CommandSandbox}. A non-zero exit is an
 * ordinary observation (a failing test is information); a timeout is an error.
 */
public final class RunCommandTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("run_command",
            "Run a shell command in the workspace root: builds, tests, scripts.",
            Schema.object()
                    .string("command", "Run with /bin/sh -c", true)
                    .optionalInteger("timeout_seconds")
                    .build());

    public RunCommandTool() {
        super(SPEC);
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        String command = args.string("command");
        Duration timeout = timeout(args, context.commandTimeout());
        CommandSandbox sandbox;
        try {
            sandbox = CommandSandbox.open(context.sandbox(), context.environment(), context.workspace().root());
        } catch (SandboxUnavailableException e) {
            throw new ToolException(e.getMessage());
        }
        context.checkApproved("run `" + command + "`");
        CommandResult result;
        try {
            result = sandbox.run(command, context.workspace().root(), timeout, context.outputLimitChars());
        } catch (IOException e) {
            throw new ToolException("cannot start `" + command + "`: " + e.getMessage());
        }
        if (result.timedOut()) {
            return ToolOutput.error("timed out after " + timeout.toSeconds() + "s and was killed; output so far:\n"
                    + result.output());
        }
        return ToolOutput.ok("exit code " + result.exitCode() + "\n" + result.output());
    }

    // The model may shorten a command's time, never lengthen it: the session's timeout is the user's ceiling.
    private static Duration timeout(Args args, Duration ceiling) throws ToolException {
        if (args.optionalInt("timeout_seconds").isEmpty()) {
            return ceiling;
        }
        Duration asked = Duration.ofSeconds(args.positiveInt("timeout_seconds", 1));
        return asked.compareTo(ceiling) < 0 ? asked : ceiling;
    }
}
