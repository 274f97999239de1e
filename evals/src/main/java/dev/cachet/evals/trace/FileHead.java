package dev.cachet.evals.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The first characters of a file, decoded as UTF-8 with malformed bytes replaced, as every format is asked whether it
 * recognises them ({@link TraceFormat#recognises}): read once, its text and its JSON fields each made once, when first
 * asked for. Detection reads the head of every file in a directory, so each thread reads them into the same buffers.
 */
public final class FileHead {
    /** Per thread: the buffers heads are read with, lent to one head at a time. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /** The byte order mark, as UTF-8 decodes it. */
    static final char BOM = '\uFEFF';

    private final char[] chars;
    private final int length;
    /** Whether the file goes on past the head. */
    private final boolean cut;
    private String text;
    private JsonHead json;

    private FileHead(char[] chars, int length, boolean cut) {
        this.chars = chars;
        this.length = length;
        this.cut = cut;
    }

    /** A head given as text. */
    public static FileHead of(String text) {
        return new FileHead(text.toCharArray(), text.length(), false);
    }

    /** The first {@code chars} characters of {@code file}, in buffers of its own. */
    static FileHead read(Path file, int chars) {
        return new Buffers(chars).head(file);
    }

    /**
     * The first {@link TraceFormats#HEAD_CHARS} of {@code file}, in this thread's buffers: valid until the thread reads
     * the next, so it must not outlive the detection it is read for.
     */
    static FileHead lent(Path file) {
        return BUFFERS.get().head(file);
    }

    /** The head as a string. */
    public String text() {
        if (text == null) {
            text = new String(chars, 0, length);
        }
        return text;
    }

    /**
     * Whether it ends inside the file's first line: the file goes on past a head with no line end, where the fields
     * that tell a format may come after the cut (keys sorted, as {@code jq -S} writes them).
     */
    boolean cutInFirstLine() {
        if (!cut) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[i] == '\n') {
                return false;
            }
        }
        return true;
    }

    /** Whether it holds nothing but white space, as an empty log does. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** The top-level fields of the first JSON object in it. */
    JsonHead json() {
        if (json == null) {
            json = JsonHead.of(chars, length);
        }
        return json;
    }

    /** A decoder, the bytes it decodes and the characters it decodes them into. */
    private static final class Buffers {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192);
        private final char[] chars;

        Buffers() {
            this(TraceFormats.HEAD_CHARS);
        }

        Buffers(int chars) {
            this.chars = new char[chars];
        }

        /** Reads the file's first characters into {@link #chars}, as a head that says whether the file goes on. */
        FileHead head(Path file) {
            decoder.reset();
            bytes.clear();
            CharBuffer out = CharBuffer.wrap(chars);
            try (FileChannel channel = FileChannel.open(file)) {
                boolean full = false;
                while (out.hasRemaining()) {
                    boolean end = channel.read(bytes) < 0;
                    bytes.flip();
                    // Overflow leaves out a character of two chars that only one would fit: such a character stands
                    // inside a JSON string, which the head cuts with or without its first half.
                    full = decoder.decode(bytes, out, end).isOverflow();
                    bytes.compact();
                    if (end) {
                        decoder.flush(out);
                    }
                    if (end || full) {
                        break;
                    }
                }
                // Overflowed, or filled with bytes left to decode or to read: the file goes on past the head.
                boolean cut = full
                        || !out.hasRemaining() && (bytes.position() > 0 || channel.position() < channel.size());
                // A byte order mark (an editor on Windows writes one) is no character of the log.
                if (out.position() > 0 && chars[0] == BOM) {
                    System.arraycopy(chars, 1, chars, 0, out.position() - 1);
                    return new FileHead(chars, out.position() - 1, cut);
                }
                return new FileHead(chars, out.position(), cut);
            } catch (NoSuchFileException e) {
                throw new TraceFormatException("trajectory not found: " + file);
            } catch (IOException e) {
                throw new TraceFormatException("cannot read " + file + ": " + IoReasons.of(e), e);
            }
        }
    }
}
