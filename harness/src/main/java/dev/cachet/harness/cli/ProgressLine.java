package dev.cachet.harness.cli;

import dev.cachet.harness.view.TerminalText;
import java.io.PrintWriter;

/**
 * Progress of long work on stderr: one line redrawn in place on a terminal; elsewhere a line each time the bar
 * grows (at most 21), so logs and CI keep a readable record however many steps there are.
 */
final class ProgressLine {
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean redraw;
    private int lastLength;
    private int lastFilled = -1;

    ProgressLine(PrintWriter err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    /** Redraws in place when stderr is a terminal. */
    static ProgressLine on(PrintWriter err) {
        return new ProgressLine(err, System.console() != null);
    }

    void show(int done, int total, String detail) {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + "  " + detail;
        if (redraw) {
            err.print(TerminalText.RETURN);
            err.print(line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else if (filled != lastFilled) {
            err.println(line);
            lastFilled = filled;
        }
        err.flush();
    }

    /** Ends the redrawn line so what follows starts on its own. */
    void finish() {
        if (redraw && lastLength > 0) {
            err.println();
            err.flush();
        }
    }
}
