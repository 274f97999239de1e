package dev.cachet.harness.cli;

import dev.cachet.harness.view.TerminalText;
import dev.cachet.tools.sandbox.Approver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * {@code --approve}: asks on the terminal before each command and write, showing what the agent wants to do on
 * stderr and reading y/N from stdin. Without a terminal to ask on, every request is declined, and says why.
 */
final class TerminalApprover implements Approver {
    private final BufferedReader in;
    private final PrintWriter err;
    private final boolean interactive;

    TerminalApprover(BufferedReader in, PrintWriter err, boolean interactive) {
        this.in = in;
        this.err = err;
        this.interactive = interactive;
    }

    static TerminalApprover onStdin(PrintWriter err) {
        return new TerminalApprover(new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), err,
                stdinIsTerminal());
    }

    @Override
    public synchronized boolean approve(String what) {
        if (!interactive) {
            err.println("cachet: declined " + TerminalText.oneLine(what) + ": --approve asks on a terminal, and stdin is not one");
            return false;
        }
        // One line, every control shown: a command must not be able to draw another over itself.
        err.print("cachet: allow " + TerminalText.oneLine(what) + "? [y/N] ");
        err.flush();
        try {
            String answer = in.readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    // Java 17 has no isatty, and System.console() is null whenever stdout is redirected too (and, from Java 22, never).
    private static boolean stdinIsTerminal() {
        try {
            return new ProcessBuilder("/bin/sh", "-c", "test -t 0").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
