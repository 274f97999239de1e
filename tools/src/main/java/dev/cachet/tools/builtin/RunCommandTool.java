package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.command.CommandRunner;
import dev.cachet.tools.sandbox.Bubblewrap;
import dev.cachet.tools.sandbox.CommandEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a shell command in the workspace root, confined by bubblewrap unless the sandbox is {@code full}, with the
 * secrets taken out of its environment. A non-zero exit is an ordinary observation (a failing test is information);
 * a timeout is an error.
 */
public final class RunCommandTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("run_command",
            "Run a shell command (/bin/sh -c) in the workspace root and return its exit code and output "
                    + "(stdout and stderr merged; long output keeps its head and tail).",
            Schema.object()
                    .string("command", "The shell command to run", true)
                    .integer("timeout_seconds", "Kill the command after this many seconds (default and most: the session's command timeout)", false)
                    .build());

    public RunCommandTool() {
        super(SPEC);
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        String command = args.string("command");
        Duration timeout = timeout(args, context.commandTimeout());
        List<String> argv = confined(CommandRunner.shell(command), context);
        context.checkApproved("run `" + command + "`");
        Map<String, String> scrubbed = CommandEnvironment.of(context.environment(), context.sandbox().allowedEnv());
        CommandResult result;
        try {
            result = new CommandRunner(context.outputLimitChars()).run(argv, scrubbed, context.workspace().root(), timeout);
        } catch (IOException e) {
            throw new ToolException("cannot start " + argv.get(0) + ": " + e.getMessage());
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

    private List<String> confined(List<String> shell, ToolContext context) throws ToolException {
        if (!context.sandbox().mode().confinesCommands()) {
            return shell;
        }
        return Bubblewrap.installed(context.environment()).orElseThrow(() -> new ToolException(Bubblewrap.NOT_INSTALLED))
                .wrap(shell, context.workspace().root(), context.sandbox());
    }
}
