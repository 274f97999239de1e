package dev.cachet.harness.cli;

import dev.cachet.context.error.CachetException;
import dev.cachet.evals.trace.IoReasons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Optional;
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
        command.getErr().println("cachet: " + unknownCommand(e, args).orElseGet(() -> oneLine(e.getMessage()))
                .replace("option option '", "option '") + helpHint(command));
        return ExitCodes.USAGE;
    }

    /** A first word that names no command, as such, with the commands it may be a slip for. */
    private static Optional<String> unknownCommand(CommandLine.ParameterException e, String[] args) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || e.getCommandLine().getParent() != null
                || args.length == 0 || args[0].isEmpty() || args[0].startsWith("-")
                || !unmatched.getUnmatched().contains(args[0])) {
            return Optional.empty();
        }
        // picocli's likeliest, where it is a slip of the keys: one that starts as the word does.
        Optional<String> meant = unmatched.getSuggestions().stream().findFirst()
                .filter(command -> command.charAt(0) == args[0].charAt(0));
        return Optional.of("unknown command '" + args[0] + "'" + meant.map(m -> "; did you mean '" + m + "'?").orElse(""));
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
