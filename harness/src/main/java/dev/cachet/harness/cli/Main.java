package dev.cachet.harness.cli;

import dev.cachet.harness.config.ConfigFiles;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC(), System.getenv(), ConfigFiles.standard(), true).execute(args));
    }

    /** The command line as a test runs it, in a process it shares: signals stay the process's own. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, ConfigFiles configFiles) {
        return commandLine(clock, environment, configFiles, false);
    }

    private static CommandLine commandLine(Clock clock, Map<String, String> environment, ConfigFiles configFiles,
            boolean trapSignals) {
        ErrorHandler errors = new ErrorHandler();
        CachetCommand root = new CachetCommand(clock, environment, configFiles, trapSignals);
        return new CommandLine(root)
                .setDefaultValueProvider(new ConfigDefaults(root::config))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
