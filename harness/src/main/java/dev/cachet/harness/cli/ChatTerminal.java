package dev.cachet.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

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
                capabilitiesWithoutInfocmp(System.getenv("TERM"));
                try {
                    // The native provider, never the exec one, which runs stty and tty from PATH; a dumb terminal
                    // where it cannot load (a noexec /tmp, an architecture it has no library for).
                    return TerminalBuilder.builder().system(true).name("cachet").provider("jni").build();
                } catch (IOException | IllegalStateException e) {
                    return dumb();
                }
            }
        };
    }

    private static Terminal dumb() {
        try {
            return TerminalBuilder.builder().system(true).name("cachet").provider("dumb").dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * Gives JLine the capabilities of {@code term} from its own copies (xterm's for a terminal it has none of), so it
     * never asks infocmp: found on PATH, that may be a program the agent wrote into a workspace folder there, which
     * would run outside the sandbox each time a chat opens.
     */
    static void capabilitiesWithoutInfocmp(String term) {
        if (term == null || term.isEmpty()) {
            return;
        }
        String own = InfoCmp.getDefaultInfoCmp(term);
        InfoCmp.setLoadedInfoCmp(term, own != null ? own
                : InfoCmp.getDefaultInfoCmp(term.contains("256color") ? "xterm-256color" : "xterm"));
    }

    /** Whether the terminal shows colours and redraws lines; a dumb one (a pipe, TERM=dumb) does neither. */
    static boolean capable(Terminal terminal) {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }
}
