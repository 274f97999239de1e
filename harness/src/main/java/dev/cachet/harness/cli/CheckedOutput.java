package dev.cachet.harness.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Standard output that remembers why a write failed: the PrintWriter a command prints its report with swallows the
 * error, so a full disk would leave a cut-off report behind a command that said it was done.
 */
final class CheckedOutput extends FilterOutputStream {
    private IOException failure;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * The command's exit status once its output is written: a failed write is said on {@code err} and fails the
     * command, unless the reader closed the pipe (as {@code head} does), which wanted no more.
     */
    int status(int status, PrintStream err) {
        if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
            return status;
        }
        err.println("cachet: cannot write the output: " + failure.getMessage());
        return status == ExitCodes.OK ? ExitCodes.INPUT : status;
    }
}
