package dev.cachet.providers.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a JSONL stream into lines, strictly UTF-8, and tells whether the last one was terminated: a writer that
 * died mid-line leaves an unterminated last line, which is the only kind a reader may forgive.
 */
final class JsonlLines {
    /** One line, its 1-based number, where it starts in the stream, and whether a newline ended it. */
    record Line(int number, long offset, String text, boolean terminated) {}

    /** A byte that is not UTF-8, where it stands. */
    static final class NotUtf8 extends IOException {
        final int line;
        final long offset;

        NotUtf8(int line, long offset) {
            super("not UTF-8");
            this.line = line;
            this.offset = offset;
        }
    }

    interface LineHandler {
        void on(Line line) throws IOException;
    }

    private JsonlLines() {}

    static void forEach(InputStream in, LineHandler handler) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int number = 1;
        long offset = 0;
        long lineStart = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    current.write(buffer, from, i - from);
                    handler.on(new Line(number, lineStart, decode(utf8, current, number, lineStart), true));
                    current.reset();
                    number++;
                    lineStart = offset + i + 1;
                    from = i + 1;
                }
            }
            current.write(buffer, from, n - from);
            offset += n;
        }
        if (current.size() > 0) {
            handler.on(new Line(number, lineStart, decode(utf8, current, number, lineStart), false));
        }
    }

    private static String decode(CharsetDecoder utf8, ByteArrayOutputStream bytes, int line, long lineStart) throws NotUtf8 {
        ByteBuffer input = ByteBuffer.wrap(bytes.toByteArray());
        try {
            return utf8.reset().decode(input).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(line, lineStart + firstBadByte(bytes.toByteArray()));
        }
    }

    /** Where the first byte that does not decode stands in the line. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        utf8.decode(input, CharBuffer.allocate(bytes.length), true);
        return input.position();
    }
}
