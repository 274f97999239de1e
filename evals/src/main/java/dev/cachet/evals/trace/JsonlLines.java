package dev.cachet.evals.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream at newlines as {@link java.io.BufferedReader#readLine} does for these logs, into one reused byte
 * buffer; a carriage return anywhere but before a newline is {@link Unsure}, left to the importer.
 */
final class JsonlLines {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private byte[] line = new byte[BUFFER];
    private int length;
    /** Carriage returns in the line so far: one is allowed, as its last byte. */
    private int carriageReturns;
    private long consumed;
    private boolean newline;

    JsonlLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line end (valid for {@link #length()} bytes), or null at the end. */
    byte[] next() throws IOException {
        length = 0;
        carriageReturns = 0;
        consumed = 0;
        while (true) {
            if (start == end) {
                if (eof || !fill()) {
                    newline = false;
                    return consumed == 0 ? null : trimmed();
                }
            }
            int i = ByteSearch.indexOfEither(buffer, start, end, (byte) '\n', (byte) '\r');
            // A carriage return is rare: each is counted, and the search goes on past it.
            while (i < end && buffer[i] == '\r') {
                carriageReturns++;
                i = ByteSearch.indexOfEither(buffer, i + 1, end, (byte) '\n', (byte) '\r');
            }
            append(start, i - start);
            consumed += i - start;
            if (i < end) {
                start = i + 1;
                consumed++;
                newline = true;
                return trimmed();
            }
            start = end;
        }
    }

    int length() {
        return length;
    }

    /** The bytes the last line took in the stream, its line end included. */
    long consumed() {
        return consumed;
    }

    boolean endedWithNewline() {
        return newline;
    }

    /** Whitespace only, as {@link String#isBlank} sees ASCII; any other byte makes the line one to parse. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    private byte[] trimmed() {
        if (carriageReturns > 0 && line[length - 1] == '\r') {
            length--;
            carriageReturns--;
        }
        if (carriageReturns > 0) {
            throw new Unsure("carriage return within a line");
        }
        return line;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    private void append(int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }
}
