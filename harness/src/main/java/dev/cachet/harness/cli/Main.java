package dev.cachet.harness.cli;

import java.time.Clock;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    static CommandLine commandLine(Clock clock) {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new CachetCommand(clock))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
