package dev.cachet.tools.command;

import dev.cachet.context.HeadTailBuffer;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a directory with a timeout. Whether the command ends or times out, every process it started ends
 * with it (see {@link CommandProcesses}): it starts in a session of its own (through {@code setsid}, where the
 * machine has it), and carries a marker variable that its background jobs, {@code nohup}s and {@code setsid}s
 * inherit.
 */
public final class CommandRunner {
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final int outputLimitChars;

    public CommandRunner(int outputLimitChars) {
        this.outputLimitChars = outputLimitChars;
    }

    /** The argument list that runs {@code command} with /bin/sh. */
    public static List<String> shell(String command) {
        return List.of("/bin/sh", "-c", command);
    }

    /** Runs a shell command with exactly {@code environment}. @throws IOException if the shell cannot be started */
    public CommandResult run(String command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        return run(shell(command), environment, directory, timeout);
    }

    /**
     * Runs {@code command} (an argument list) with exactly {@code environment}, plus the marker variable.
     * @throws IOException if it cannot start
     */
    public CommandResult run(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException {
        long start = System.nanoTime();
        boolean ownSession = Files.isExecutable(SETSID);
        List<String> argv = new ArrayList<>(command);
        if (ownSession) {
            argv.add(0, SETSID.toString());
        }
        CommandProcesses processes = new CommandProcesses();
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        processes.mark(builder.environment());
        Process process = builder.start();
        processes.started(process.pid());
        HeadTailBuffer output = new HeadTailBuffer(outputLimitChars);
        Thread drain = new Thread(() -> drain(process, output), "command-output");
        drain.setDaemon(true);
        drain.start();
        boolean finished = waitFor(process, timeout);
        List<ProcessHandle> descendants = process.descendants().toList();
        if (!finished) {
            // The command first, so its shell cannot report its children's deaths into the output. (Destroying a
            // process closes its output stream, so one that ended by itself is left to be read to the end.)
            process.destroyForcibly();
        }
        // Then the rest, which also closes the output pipe that a background job may still hold.
        processes.killAll(ownSession ? Optional.of(process.pid()) : Optional.empty());
        descendants.forEach(ProcessHandle::destroyForcibly);
        join(drain);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        return new CommandResult(finished ? process.exitValue() : -1, text, !finished, elapsed);
    }

    private static void drain(Process process, HeadTailBuffer output) {
        char[] chunk = new char[8192];
        try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                synchronized (output) {
                    output.append(CharBuffer.wrap(chunk, 0, n));
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read so far is kept.
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread drain) {
        try {
            drain.join(DRAIN_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
