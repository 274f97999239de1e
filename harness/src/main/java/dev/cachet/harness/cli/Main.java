package dev.cachet.harness.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath()).execute(args));
    }

    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory) {
        ErrorHandler errors = new ErrorHandler();
        CachetCommand root = new CachetCommand(clock, environment, workingDirectory);
        return new CommandLine(root)
                .setDefaultValueProvider(new ConfigDefaults(root::config))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
