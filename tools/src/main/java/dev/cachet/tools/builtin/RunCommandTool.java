package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.command.CommandRunner;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs a shell command in the workspace root. A non-zero exit is an ordinary observation (a failing test is
 * information); a timeout is an error.
 */
public final class RunCommandTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("run_command",
            "Run a shell command (/bin/sh -c) in the workspace root and return its exit code and output "
                    + "(stdout and stderr merged; long output keeps its head and tail).",
            Schema.object()
                    .string("command", "The shell command to run", true)
                    .integer("timeout_seconds", "Kill the command after this many seconds (default: the session's command timeout)", false)
                    .build());

    public RunCommandTool() {
        super(SPEC);
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        String command = args.string("command");
        Duration timeout = args.optionalInt("timeout_seconds").isPresent()
                ? Duration.ofSeconds(args.positiveInt("timeout_seconds", 1))
                : context.commandTimeout();
        CommandResult result;
        try {
            result = new CommandRunner(context.outputLimitChars()).run(command, context.workspace().root(), timeout);
        } catch (IOException e) {
            throw new ToolException("cannot start /bin/sh: " + e.getMessage());
        }
        if (result.timedOut()) {
            return ToolOutput.error("timed out after " + timeout.toSeconds() + "s and was killed; output so far:\n"
                    + result.output());
        }
        return ToolOutput.ok("exit code " + result.exitCode() + "\n" + result.output());
    }
}
