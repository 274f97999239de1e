package dev.cachet.harness.cli;

import dev.cachet.harness.config.ConfigFiles;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC(), System.getenv(), ConfigFiles.standard()).execute(args));
    }

    static CommandLine commandLine(Clock clock, Map<String, String> environment, ConfigFiles configFiles) {
        ErrorHandler errors = new ErrorHandler();
        CachetCommand root = new CachetCommand(clock, environment, configFiles);
        return new CommandLine(root)
                .setDefaultValueProvider(new ConfigDefaults(root::config))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
