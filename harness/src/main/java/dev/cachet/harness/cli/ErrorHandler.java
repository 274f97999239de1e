package dev.cachet.harness.cli;

import dev.cachet.evals.TaskFormatException;
import dev.cachet.evals.corpus.CorpusException;
import dev.cachet.evals.matrix.ResultsFileException;
import dev.cachet.evals.trace.TraceFormatException;
import dev.cachet.harness.InputException;
import dev.cachet.providers.ModelSpecException;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.replay.RecordingException;
import dev.cachet.providers.session.SessionLogException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns every failure into one line on stderr and an exit code; a stack trace only for cachet's own bugs. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        int code = exitCode(e);
        command.getErr().println("cachet: " + message(e));
        if (code == ExitCodes.INTERNAL) {
            e.printStackTrace(command.getErr());
        }
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("cachet: " + e.getMessage());
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    static int exitCode(Exception e) {
        if (e instanceof InputException || e instanceof RecordingException || e instanceof TaskFormatException
                || e instanceof TraceFormatException || e instanceof ResultsFileException || e instanceof CorpusException
                || e instanceof UncheckedIOException || e instanceof ModelSpecException || e instanceof SessionLogException) {
            return ExitCodes.INPUT;
        }
        if (e instanceof ProviderException) {
            return ExitCodes.PROVIDER;
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Exception e) {
        if (e instanceof UncheckedIOException io) {
            return e.getMessage() + ": " + io.getCause().getMessage();
        }
        return exitCode(e) == ExitCodes.INTERNAL ? "internal error: " + e : e.getMessage();
    }
}
