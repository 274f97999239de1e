package dev.cachet.harness.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * cachet as a user runs it: a JVM of its own on this test's class path, started through {@code main}, so that it
 * handles signals and can be killed. Its home is the test's; its output is kept.
 */
final class CachetProcess {
    private final Process process;
    private final BufferedReader out;
    private final ByteArrayOutputStream rest = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread errors;
    private final StringBuilder read = new StringBuilder();
    private Thread drain;

    private CachetProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        errors = new Thread(() -> copy(process.getErrorStream(), err), "cachet-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** @param shell words to run java under, such as {@code sh -c 'ulimit -f 64; exec "$0" "$@"'}; may be empty */
    static CachetProcess start(Path home, List<String> shell, String... args) {
        List<String> command = new ArrayList<>(shell);
        // The client compiler only: these processes live a few seconds, and start twice as fast.
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment(home));
        try {
            return new CachetProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cachet", e);
        }
    }

    /** The user's directories a cachet started with {@code home} has: run CliRun with them to see what it saw. */
    static Map<String, String> environment(Path home) {
        return Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    static CachetProcess start(Path home, String... args) {
        return start(home, List.of(), args);
    }

    /** Types {@code line} and Enter on cachet's stdin. */
    void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    long pid() {
        return process.pid();
    }

    /** Blocks until cachet prints a line, and returns it; null if it ended first. */
    String nextLine() throws IOException {
        String line = out.readLine();
        if (line != null) {
            read.append(line).append('\n');
        }
        return line;
    }

    /** Waits at most {@code millis} for cachet to end by itself; true if it did. */
    boolean endsWithin(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: no handler runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends a signal by name, such as INT, as a terminal or a service manager would. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    int exitCode() throws InterruptedException {
        if (drain == null) {
            drain = new Thread(() -> copyRest(), "cachet-stdout");
            drain.start();
        }
        int code = process.waitFor();
        drain.join();
        // stderr is copied on a thread of its own too: all of it is in only once that thread has read to its end.
        errors.join();
        return code;
    }

    String out() {
        synchronized (rest) {
            return read + rest.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** Blocks until cachet has printed {@code text} on stderr, for at most a minute. */
    void awaitErr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (err) {
            while (!err.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
                err.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
            }
        }
    }

    private void copyRest() {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (rest) {
                    rest.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // The process died: what it printed so far is all there is.
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process died: what it printed so far is all there is.
        }
    }
}
