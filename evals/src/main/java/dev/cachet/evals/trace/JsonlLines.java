package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream at newlines, into one reused byte buffer, as {@link java.io.BufferedReader#readLine} does where no
 * line holds a lone carriage return. {@code readLine} ends a line there too; here the carriage return is kept in its
 * line, and the caller must give the line up ({@link Unsure}, left to the importer): {@link #blank} does for a blank
 * line, and {@link JsonLineFields#read} for any other, through the parser's line count. Looking for one byte, not
 * two, halves the search that is a tenth of summarising a log.
 */
final class JsonlLines {
    private static final int BUFFER = 1 << 16;
    /**
     * Per thread, the two buffers of the last stream it read to the end, which the next one takes: a year of logs is
     * thousands of files, and new buffers for each (one grown again for each long line) were a quarter of what
     * summarising them allocated. A stream that is not read to its end keeps its buffers, and the next makes new ones.
     */
    private static final ThreadLocal<byte[][]> SPARE = new ThreadLocal<>();
    /** A line buffer grown past this (a log's pasted image, say) is not kept for the thread's next stream. */
    private static final int KEPT_LINE = 1 << 20;
    /** The longest array the JVM allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private byte[] line;
    private boolean givenBack;
    private int length;
    private long consumed;
    private boolean newline;

    JsonlLines(InputStream in) {
        this.in = in;
        byte[][] spare = SPARE.get();
        SPARE.remove();
        buffer = spare == null ? new byte[BUFFER] : spare[0];
        line = spare == null ? new byte[BUFFER] : spare[1];
    }

    /**
     * The next line without its line end (valid for {@link #length()} bytes, until the next call), or null at the
     * end.
     */
    byte[] next() throws IOException {
        length = 0;
        consumed = 0;
        while (true) {
            if (start == end) {
                if (eof || !fill()) {
                    newline = false;
                    if (consumed > 0) {
                        return trimmed();
                    }
                    giveBack();
                    return null;
                }
            }
            int i = ByteSearch.indexOf(buffer, start, end, (byte) '\n');
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

    /**
     * Throws {@code failure}, the last line's parse error, unless that line is torn: the last, with no line end after
     * it, which a harness may still be writing and which {@link JsonFiles#lines} leaves out too.
     */
    void throwUnlessTorn(JsonProcessingException failure) throws JsonProcessingException {
        if (newline) {
            throw failure;
        }
    }

    /**
     * Whitespace only, as {@link String#isBlank} sees ASCII; any other byte makes the line one to parse. A carriage
     * return in it would be more lines to {@code readLine}, and count as more.
     */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b == '\r') {
                throw new Unsure("carriage return within a line");
            }
            if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /** The line without the carriage return of a CRLF (or of a last line's CR). */
    private byte[] trimmed() {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return line;
    }

    /** At the end, once: whatever the last line pointed into has been read, and the next stream may use them. */
    private void giveBack() {
        if (!givenBack) {
            givenBack = true;
            SPARE.set(new byte[][] {buffer, line.length <= KEPT_LINE ? line : new byte[BUFFER]});
        }
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
        if ((long) length + count > line.length) {
            line = Arrays.copyOf(line, grownLength(line.length, (long) length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    /**
     * A line buffer's next length, doubled to hold {@code needed} bytes. In long arithmetic: a line past 1 GiB would
     * overflow an int and grow by a chunk at a time (a 1.1 GB line took a minute). A line no array holds is given up
     * ({@link Unsure}), as any line this reader cannot vouch for.
     */
    static int grownLength(int current, long needed) {
        if (needed > MAX_ARRAY) {
            throw new Unsure("a line longer than an array holds");
        }
        return (int) Math.min(MAX_ARRAY, Math.max(2L * current, needed));
    }
}
