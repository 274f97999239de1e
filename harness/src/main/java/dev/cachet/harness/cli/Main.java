package dev.cachet.harness.cli;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.error.CachetException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    /** The commands that build a harness, and with it read o200k; bare {@code cachet} is a chat. */
    private static final Set<String> COUNTING_TOKENS = Set.of("demo", "run", "chat", "resume", "tools", "eval",
            "eval-run", "replay", "stats", "bench");

    public static void main(String[] args) {
        if (countsTokens(args)) {
            // Reading o200k takes half a second: on another core it overlaps parsing the command and the prices.
            Thread encoding = new Thread(TokenCounter::o200k, "o200k");
            encoding.setDaemon(true);
            encoding.start();
        }
        System.exit(commandLine(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath(), true,
                ChatTerminal.system(), System.in).execute(args));
    }

    /** Whether the command will count tokens; the others (--version, statusline, sessions) must not wait on o200k. */
    static boolean countsTokens(String[] args) {
        return args.length == 0 || COUNTING_TOKENS.contains(args[0]);
    }

    /** The command line as a test runs it, in a process it shares: signals stay the process's own. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory) {
        return commandLine(clock, environment, workingDirectory, false, ChatTerminal.system(), System.in);
    }

    /** The command line as a chat test runs it, on a terminal it gives. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            ChatTerminal terminal) {
        return commandLine(clock, environment, workingDirectory, false, terminal, System.in);
    }

    /** As a test runs it, reading {@code stdin} as its standard input. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            InputStream stdin) {
        return commandLine(clock, environment, workingDirectory, false, ChatTerminal.system(), stdin);
    }

    private static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            boolean trapSignals, ChatTerminal terminal, InputStream stdin) {
        ErrorHandler errors = new ErrorHandler();
        CachetCommand root = new CachetCommand(clock, environment, workingDirectory, trapSignals, terminal, stdin);
        return new CommandLine(root)
                .registerConverter(Path.class, new PathConverter())
                .setHelpFactory(UnbrokenHelp::new)
                .setDefaultValueProvider(new ConfigDefaults(root::config))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(parseResult -> readConfigFirst(root, parseResult));
    }

    /**
     * Reads the config files before any command runs, as git does, so that a malformed one is an error naming its
     * file and line for every command, not only for those that read it; help, version and {@link ConfigFree}
     * commands need none.
     */
    private static int readConfigFirst(CachetCommand root, CommandLine.ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        List<CommandLine> chosen = parseResult.asCommandLineList();
        try {
            if (!(chosen.get(chosen.size() - 1).getCommand() instanceof ConfigFree)) {
                root.config();
            }
        } catch (CachetException e) {
            throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.getMessage(), e);
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
