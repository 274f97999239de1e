package dev.cachet.harness.cli;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.error.CachetException;
import dev.cachet.harness.view.TerminalText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** The cachet command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (countsTokens(args)) {
            // Reading o200k takes a tenth of a second or more: on another core it overlaps parsing the command and the
            // prices.
            Thread encoding = new Thread(TokenCounter::readAhead, "o200k");
            encoding.setDaemon(true);
            encoding.start();
        }
        CommandLine commandLine = commandLine(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath(), true,
                ChatTerminal.system(), System.in, commands(args));
        CheckedOutput stdout = new CheckedOutput(new FileOutputStream(FileDescriptor.out),
                CheckedOutput.toPipe(Path.of("/proc/self/fd/1")));
        // What a command prints can hold what the model, a tool or a log wrote: its controls are shown, not obeyed.
        commandLine.setOut(shownOn(stdout, charset("stdout")));
        commandLine.setErr(shownOn(System.err, charset("stderr")));
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        status = stdout.status(status, System.err);
        LauncherClassList.settle(System.getProperty(LauncherClassList.PROPERTY), status, commandLine.getParseResult());
        System.exit(status);
    }

    /** A writer on {@code out} that shows the controls in what it prints ({@link TerminalText#writer}). */
    static PrintWriter shownOn(OutputStream out, Charset charset) {
        return new PrintWriter(TerminalText.writer(new OutputStreamWriter(out, charset)), true);
    }

    /** The charset picocli would print to {@code stream} in. */
    private static Charset charset(String stream) {
        return Optional.ofNullable(System.getProperty("sun." + stream + ".encoding")).map(Charset::forName)
                .orElse(Charset.defaultCharset());
    }

    /**
     * Whether the command will count tokens ({@link CountsTokens}; bare {@code cachet} is a chat); the others
     * (--version, statusline, sessions) must not wait on o200k. Read from the annotations, before picocli builds
     * its model of every command.
     */
    static boolean countsTokens(String[] args) {
        if (args.length == 0) {
            return CountsTokens.class.isAssignableFrom(CachetCommand.class);
        }
        List<Class<?>> commands = commands(args);
        return commands.size() == 1 && CountsTokens.class.isAssignableFrom(commands.get(0));
    }

    /**
     * The commands picocli is to build for {@code args}: the one its first argument names; every one when it names
     * none (bare cachet, help, version, a misspelt command: their usage lists all, or suggests one).
     */
    static List<Class<?>> commands(String[] args) {
        for (Class<?> command : CachetCommand.COMMANDS) {
            if (args.length > 0 && command.getAnnotation(CommandLine.Command.class).name().equals(args[0])) {
                return List.of(command);
            }
        }
        return CachetCommand.COMMANDS;
    }

    /** The command line as a test runs it, in a process it shares: signals stay the process's own. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory) {
        return commandLine(clock, environment, workingDirectory, CachetCommand.COMMANDS);
    }

    /** As a test runs it, with only {@code commands} built. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            List<Class<?>> commands) {
        return commandLine(clock, environment, workingDirectory, false, ChatTerminal.system(), System.in, commands);
    }

    /** The command line as a chat test runs it, on a terminal it gives. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            ChatTerminal terminal) {
        return commandLine(clock, environment, workingDirectory, false, terminal, System.in, CachetCommand.COMMANDS);
    }

    /** As a test runs it, reading {@code stdin} as its standard input. */
    static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            InputStream stdin) {
        return commandLine(clock, environment, workingDirectory, false, ChatTerminal.system(), stdin,
                CachetCommand.COMMANDS);
    }

    private static CommandLine commandLine(Clock clock, Map<String, String> environment, Path workingDirectory,
            boolean trapSignals, ChatTerminal terminal, InputStream stdin, List<Class<?>> commands) {
        ErrorHandler errors = new ErrorHandler();
        CachetCommand root = new CachetCommand(clock, environment, workingDirectory, trapSignals, terminal, stdin);
        CommandLine commandLine = new CommandLine(root);
        // Before the settings below, which picocli gives only to the subcommands added by then.
        commands.forEach(commandLine::addSubcommand);
        return commandLine
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
