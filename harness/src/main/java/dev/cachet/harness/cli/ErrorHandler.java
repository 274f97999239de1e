package dev.cachet.harness.cli;

import dev.cachet.context.error.CachetException;
import dev.cachet.evals.trace.IoReasons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/** Turns every failure into one line on stderr and an exit code; a stack trace only for cachet's own bugs. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        int code = exitCode(e);
        command.getErr().println("cachet: " + oneLine(message(e)) + (code == ExitCodes.USAGE ? helpHint(command) : ""));
        if (code == ExitCodes.INTERNAL) {
            e.printStackTrace(command.getErr());
        }
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        // picocli names a map option's malformed value "option option '--x'".
        command.getErr().println("cachet: " + oneLine(e.getMessage()).replace("option option '", "option '")
                + helpHint(command));
        return ExitCodes.USAGE;
    }

    private static String helpHint(CommandLine command) {
        return " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
    }

    // A file that cannot be read or written is the user's to fix, though the JDK, not cachet, names its type.
    static int exitCode(Exception e) {
        if (e instanceof CachetException cachet) {
            return cachet.kind().code();
        }
        return e instanceof UncheckedIOException ? ExitCodes.INPUT : ExitCodes.INTERNAL;
    }

    /** A message the JDK or a library split over lines, joined: a script reads one line per error. */
    private static String oneLine(String message) {
        return String.join(" ", String.valueOf(message).strip().split("\\s*\\R\\s*"));
    }

    private static String message(Exception e) {
        if (e instanceof UncheckedIOException io) {
            IOException cause = io.getCause();
            // Wrapped without words of its own, its message is its cause's class and message: the file the cause
            // names (a file system error's message is often that path alone) and why are enough.
            if (e.getMessage().equals(cause.toString())) {
                return (cause instanceof FileSystemException failed && failed.getFile() != null
                        ? failed.getFile() + ": " : "") + IoReasons.of(cause);
            }
            return e.getMessage() + ": " + IoReasons.of(cause);
        }
        return exitCode(e) == ExitCodes.INTERNAL ? "internal error: " + e : e.getMessage();
    }
}
