package dev.cachet.harness.cli;

import dev.cachet.harness.config.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the cachet command line in-process and keeps what it printed. cachet sees only the environment a test gives
 * it, no real API key or home, plus this process's PATH, on which the agent's commands and bwrap are found.
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return run(new ConfigFiles(List.of()), Map.of(), args);
    }

    static CliRun withConfig(ConfigFiles config, String... args) {
        return run(config, Map.of(), args);
    }

    static CliRun with(ConfigFiles config, Map<String, String> environment, String... args) {
        return run(config, environment, args);
    }

    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        return run(new ConfigFiles(List.of()), environment, args);
    }

    private static CliRun run(ConfigFiles config, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> started = new HashMap<>(Map.of("PATH", System.getenv("PATH")));
        started.putAll(environment);
        int code = Main.commandLine(Clock.systemUTC(), started, config)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
