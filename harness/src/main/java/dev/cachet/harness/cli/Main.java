package dev.cachet.harness.cli;

import dev.cachet.harness.config.ConfigFiles;
import java.time.Clock;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC(), ConfigFiles.standard()).execute(args));
    }

    static CommandLine commandLine(Clock clock, ConfigFiles configFiles) {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new CachetCommand(clock, configFiles))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
