package dev.cachet.harness.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard output that remembers why a write failed: the PrintWriter a command prints its report with swallows the
 * error, so a full disk would leave a cut-off report behind a command that said it was done.
 */
final class CheckedOutput extends FilterOutputStream {
    private final boolean toPipe;
    private IOException failure;

    /** @param toPipe whether the output goes to a pipe or a socket, whose reader may stop reading ({@link #toPipe}) */
    CheckedOutput(OutputStream out, boolean toPipe) {
        super(out);
        this.toPipe = toPipe;
    }

    /**
     * Whether the open file {@code descriptor} names (Linux's /proc/self/fd/N) is a pipe or a socket. The error a
     * closed pipe gives is worded in the user's language, so it is known by where the output goes.
     */
    static boolean toPipe(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
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
        // Where there is no /proc to tell, the English wording of a closed pipe is all there is.
        if (failure == null || toPipe || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
            return status;
        }
        err.println("cachet: cannot write the output: " + failure.getMessage());
        return status == ExitCodes.OK ? ExitCodes.INPUT : status;
    }
}
