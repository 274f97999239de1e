package dev.cachet.harness.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs {@code cachet chat} in-process on a dumb JLine terminal over streams: what the user types is the input,
 * given whole, line by line, and the terminal's output is what the test reads. The terminal is the test's to hold,
 * so it can press Ctrl-C on it.
 */
final class ChatRun {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Map<String, String> environment = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME",
            CliRun.HOME.toString()));

    ChatRun(String... typed) {
        byte[] input = (String.join("\n", typed) + (typed.length == 0 ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
        try {
            terminal = new DumbTerminal("cachet-test", Terminal.TYPE_DUMB, new ByteArrayInputStream(input), screen,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** cachet runs with these variables too, such as an API key that is never used. */
    ChatRun withEnvironment(Map<String, String> more) {
        environment.putAll(more);
        return this;
    }

    Terminal terminal() {
        return terminal;
    }

    /** Runs cachet with these arguments on the terminal; the result's out is what the terminal showed. */
    CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ChatTerminal given = new ChatTerminal() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Terminal open() {
                return terminal;
            }
        };
        int code = Main.commandLine(Clock.systemUTC(), environment, Path.of("").toAbsolutePath(), given)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new CliRun(code, screen.toString(StandardCharsets.UTF_8) + out, err.toString());
    }
}
