package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.config.ConfigFiles;
import dev.cachet.harness.loop.StopRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "cachet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "A coding agent harness that manages its context window to keep prompt caches warm and token bills low.",
            "",
            "Start with 'cachet demo': it fixes a real bug offline, with no API key."
        },
        subcommands = {DemoCommand.class, RunCommand.class, ResumeCommand.class, SessionsCommand.class,
            StrategiesCommand.class, ToolsCommand.class,
            EvalCommand.class, ReplayCommand.class, StatsCommand.class, CorpusCommand.class,
            BenchCommand.class},
        commandListHeading = "%nCommands:%n")
final class CachetCommand {
    private final Clock clock;
    private final Map<String, String> environment;
    private final ConfigFiles configFiles;
    private final boolean trapSignals;
    private Harness harness;
    private Config config;

    /** @param trapSignals whether Ctrl-C and SIGTERM are cachet's to handle: only when it has a process of its own */
    CachetCommand(Clock clock, Map<String, String> environment, ConfigFiles configFiles, boolean trapSignals) {
        this.clock = clock;
        this.environment = environment;
        this.configFiles = configFiles;
        this.trapSignals = trapSignals;
    }

    Clock clock() {
        return clock;
    }

    /** Ctrl-C and SIGTERM stop the session gracefully while this is open. */
    SignalStop signals(StopRequest stop, PrintWriter err) {
        return trapSignals ? SignalStop.install(stop, err) : SignalStop.none();
    }

    /** The user's home, from the environment so tests can point it elsewhere. */
    Path home() {
        String home = environment.get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    /** The environment cachet was started with. */
    Map<String, String> environment() {
        return environment;
    }

    /** A variable of the environment cachet was started with, or null. */
    String environment(String name) {
        return environment.get(name);
    }

    Config config() {
        if (config == null) {
            config = configFiles.load();
        }
        return config;
    }

    /** Built on first use, so --help and --version start fast. */
    Harness harness() {
        if (harness == null) {
            harness = new Harness(clock, environment, configFiles.prices());
        }
        return harness;
    }
}
