package dev.cachet.harness.cli;

import dev.cachet.harness.config.UserDirs;
import dev.cachet.providers.session.SessionLogs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the cachet command line in-process and keeps what it printed. cachet sees only the environment a test gives
 * it, no real API key, plus this process's PATH, on which the agent's commands and bwrap are found, and a HOME under
 * target/ unless the test gives its own: no test reads or writes the real user's config or logs.
 */
record CliRun(int exitCode, String out, String err) {
    static final Path HOME = Path.of("target", "cli-home").toAbsolutePath();
    private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

    static CliRun of(String... args) {
        return in(WORKING_DIRECTORY, Map.of(), args);
    }

    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        return in(WORKING_DIRECTORY, environment, args);
    }

    /** Runs with {@code clock} as the time now: for commands whose output depends on it. */
    static CliRun at(Clock clock, String... args) {
        return in(clock, WORKING_DIRECTORY, Map.of(), args);
    }

    /** Runs with {@code clock} as the time now and {@code stdin} as its standard input. */
    static CliRun withInput(Clock clock, String stdin, String... args) {
        return withInput(clock, Map.of(), stdin, args);
    }

    /** Runs with {@code environment}, {@code clock} as the time now and {@code stdin} as its standard input. */
    static CliRun withInput(Clock clock, Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(clock, started(environment), WORKING_DIRECTORY,
                        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs as if started in {@code workingDirectory}: the directory whose .cachet.yaml counts. */
    static CliRun in(Path workingDirectory, Map<String, String> environment, String... args) {
        return in(Clock.systemUTC(), workingDirectory, environment, args);
    }

    private static CliRun in(Clock clock, Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(clock, started(environment), workingDirectory)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** An environment whose HOME holds {@code yaml} as the user's config.yaml. */
    static Map<String, String> userConfig(Path home, String yaml) {
        try {
            Path config = Files.createDirectories(home.resolve(".config/cachet")).resolve("config.yaml");
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("HOME", home.toString());
    }

    /** The logs cachet keeps of the sessions in {@code workspace}, run with the default HOME. */
    static List<Path> logs(Path workspace) {
        return logs(Map.of(), workspace);
    }

    /** The logs cachet keeps of the sessions in {@code workspace}, run with {@code environment}. */
    static List<Path> logs(Map<String, String> environment, Path workspace) {
        return sessionLogs(environment).list(workspace);
    }

    /** Where cachet run with {@code environment} keeps its session logs. */
    static SessionLogs sessionLogs(Map<String, String> environment) {
        return new SessionLogs(new UserDirs(started(environment)).stateHome());
    }

    private static Map<String, String> started(Map<String, String> environment) {
        Map<String, String> started = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", HOME.toString()));
        started.putAll(environment);
        return started;
    }
}
