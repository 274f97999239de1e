package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.config.ConfigFiles;
import dev.cachet.harness.config.TrustedDirectories;
import dev.cachet.harness.config.UserDirs;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.tools.RealPath;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cachet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "A coding agent harness that manages its context window to keep prompt caches warm and token bills low.",
            "",
            "Start with 'cachet demo': it fixes a real bug offline, with no API key."
        },
        commandListHeading = "%nCommands:%n")
final class CachetCommand implements Callable<Integer>, CountsTokens {
    /**
     * The commands, in the order help lists them. They are added by {@link Main}, not named in the annotation, so that
     * a command line builds the model of the one command it runs and not of every one (a fifth of a second).
     */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, RunCommand.class, ChatCommand.class,
            ResumeCommand.class, SessionsCommand.class, StrategiesCommand.class, ToolsCommand.class, EvalCommand.class,
            EvalRunCommand.class, ReplayCommand.class, StatsCommand.class, StatuslineCommand.class, PricesCommand.class,
            CorpusCommand.class, BenchCommand.class, TrustCommand.class);

    private final Clock clock;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final boolean trapSignals;
    private final ChatTerminal terminal;
    private final InputStream stdin;
    private Harness harness;
    private Config config;

    @Spec
    CommandSpec spec;

    /**
     * @param environment the one cachet was started with: where the user's directories are
     * @param workingDirectory where cachet was started: the directory whose .cachet.yaml counts
     * @param trapSignals whether Ctrl-C and SIGTERM are cachet's to handle: only when it has a process of its own
     * @param terminal where a chat gets its terminal; none off a terminal
     * @param stdin what cachet reads as its standard input: the process's own, unless a test gives another
     */
    CachetCommand(Clock clock, Map<String, String> environment, Path workingDirectory, boolean trapSignals,
            ChatTerminal terminal, InputStream stdin) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.trapSignals = trapSignals;
        this.terminal = terminal;
        this.stdin = stdin;
    }

    /**
     * {@code cachet} alone: a chat on a terminal; elsewhere the usage error it always gave, so that scripts and CI
     * that run it without arguments see what they saw before.
     */
    @Override
    public Integer call() {
        if (!terminal.available()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand");
        }
        return spec.commandLine().getSubcommands().get("chat").execute();
    }

    ChatTerminal terminal() {
        return terminal;
    }

    Clock clock() {
        return clock;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Ctrl-C and SIGTERM stop the session gracefully while this is open. */
    SignalStop signals(StopRequest stop, PrintWriter err) {
        return signals(stop, err, "stopping the session");
    }

    /** @param what what the first signal does, as the user is told */
    SignalStop signals(StopRequest stop, PrintWriter err, String what) {
        return signals(stop::requested, stop::request, err, what);
    }

    /** As {@link #signals(StopRequest, PrintWriter, String)}, for what is not one session: an eval's runs. */
    SignalStop signals(BooleanSupplier requested, Consumer<String> request, PrintWriter err, String what) {
        return trapSignals ? SignalStop.install(requested, request, err, what) : SignalStop.none();
    }

    /** The user's directories, from the environment cachet was started with and nothing a config file says. */
    UserDirs dirs() {
        return new UserDirs(environment);
    }

    /** @throws InputException if a trusted config read lies where the agent in {@code workspace} can write it */
    void refuseConfigInside(Path workspace) {
        configFiles().refuseTrustedProjectInside(workspace);
    }

    /**
     * @throws InputException if {@code workspace} holds cachet's config, session logs or cache
     *     (its price list), or a trusted project other than itself, whose .cachet.yaml the agent could then write
     */
    void refuseWorkspaceHoldingOwnDirs(Path workspace) {
        UserDirs dirs = dirs();
        Path root = RealPath.of(workspace);
        for (Path own : List.of(dirs.config(), dirs.stateHome().resolve("cachet"), dirs.cache())) {
            if (RealPath.of(own).startsWith(root)) {
                throw new InputException("the workspace " + workspace + " holds cachet's own config, session logs or "
                        + "cache (" + own + "), which the agent could rewrite to choose what the next run starts or "
                        + "costs; give a project folder with -w, or --sandbox read-only or full");
            }
        }
        for (Path trusted : TrustedDirectories.of(dirs).list()) {
            if (trusted.startsWith(root) && !trusted.equals(root)) {
                throw new InputException("the workspace " + workspace + " holds " + trusted + ", a trusted project, "
                        + "whose .cachet.yaml the agent could write to choose what a run there starts; run in that "
                        + "project, or 'cachet trust --revoke " + trusted + "', or --sandbox read-only or full");
            }
        }
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** Where the user's own session logs are: what replay and stats read when given no paths. */
    UserLogs userLogs() {
        return new UserLogs(dirs(), workingDirectory);
    }

    /** Where sessions are logged: under the user's state directory. */
    SessionLogs sessionLogs() {
        return new SessionLogs(dirs().stateHome());
    }

    /** The environment sessions run with: the one cachet was started with, and the config's 'env' on top. */
    Map<String, String> environment() {
        return config().environment(environment);
    }

    /** The config files' settings, read once; each key an untrusted file may not set is one warning. */
    Config config() {
        if (config == null) {
            config = configFiles().load(warning -> spec.commandLine().getErr().println("warning: " + warning));
        }
        return config;
    }

    /** Built on first use, so --help and --version start fast. */
    Harness harness() {
        if (harness == null) {
            harness = new Harness(clock, environment(), configFiles().prices(), sessionLogs());
        }
        return harness;
    }

    /** The price tables alone, for commands that must start fast and need nothing else of the harness. */
    PriceTable prices() {
        return harness != null ? harness.prices() : configFiles().prices();
    }

    private ConfigFiles configFiles() {
        return ConfigFiles.standard(dirs(), workingDirectory);
    }
}
