package dev.cachet.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where a chat gets its terminal: the user's, when cachet's stdin and stdout are one; tests give one over streams.
 * Without a terminal there is no chat: {@code cachet} alone prints its usage, as scripts and CI expect.
 */
interface ChatTerminal {
    boolean available();

    Terminal open();

    /** The process's own terminal, through JLine's native access (JNI on Java 17). */
    static ChatTerminal system() {
        return new ChatTerminal() {
            @Override
            public boolean available() {
                return System.console() != null;
            }

            @Override
            public Terminal open() {
                try {
                    return TerminalBuilder.builder().system(true).name("cachet").build();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Whether the terminal shows colours and redraws lines; a dumb one (a pipe, TERM=dumb) does neither. */
    static boolean capable(Terminal terminal) {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }
}
