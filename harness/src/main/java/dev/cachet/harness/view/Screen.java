package dev.cachet.harness.view;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The output a live view writes to, shared by the view and its spinner's thread: whole lines, text that arrives in
 * pieces (the model's), and on a terminal one status line redrawn in place, cleared before anything else is written.
 * Lines and text hold what the model and its tools wrote, so their control characters are shown, not obeyed
 * ({@link TerminalText}).
 */
public final class Screen {
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean terminal;
    private final Consumer<String> lines;
    private int statusLength;
    private boolean midLine;

    /** @param terminal whether {@code out} is a terminal, the one place a status line can be redrawn */
    public Screen(PrintWriter out, boolean terminal) {
        this(out, terminal, out::println);
    }

    /** @param lines writes a whole line to {@code out}, such as above a prompt the user may be typing at */
    public Screen(PrintWriter out, boolean terminal, Consumer<String> lines) {
        this.out = out;
        this.terminal = terminal;
        this.lines = lines;
    }

    public boolean terminal() {
        return terminal;
    }

    /** A line of its own: text written in pieces before it is ended first. */
    public synchronized void line(String line) {
        endText();
        String shown = TerminalText.shown(line);
        // A colour a tool's output or the model left open ends with the line, not in what cachet writes next.
        lines.accept(shown.indexOf('\u001b') >= 0 ? shown + RESET : shown);
        out.flush();
    }

    /** A piece of text that may end mid-line, as the model's answer arrives. */
    public synchronized void text(String piece) {
        clearStatus();
        out.print(TerminalText.uncoloured(piece));
        midLine = !piece.isEmpty() ? !piece.endsWith("\n") : midLine;
        out.flush();
    }

    /** Ends text written in pieces with a newline, where it did not end with one. */
    public synchronized void endText() {
        clearStatus();
        if (midLine) {
            out.println();
            midLine = false;
        }
    }

    /** Redraws the status line; nothing off a terminal, or while a line of text is open. */
    public synchronized void status(String line) {
        if (!terminal || midLine) {
            return;
        }
        String shown = TerminalText.shown(line);
        out.print(TerminalText.RETURN);
        out.print(shown + " ".repeat(Math.max(0, statusLength - shown.length())));
        statusLength = shown.length();
        out.flush();
    }

    public synchronized void clearStatus() {
        if (statusLength > 0) {
            out.print(TerminalText.RETURN);
            out.print(" ".repeat(statusLength));
            out.print(TerminalText.RETURN);
            statusLength = 0;
            out.flush();
        }
    }
}
