package dev.cachet.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a file stops being UTF-8: its first byte that does not decode, by offset and line, so that an error can
 * point at it where the JDK says only "Input length = 1".
 */
public record Utf8Position(long offset, long line) {
    /** {@code FILE:LINE: not UTF-8 (byte offset N)}, as the session log reader says it too. */
    public String describe(Path file) {
        return file + ":" + line + ": not UTF-8 (byte offset " + offset + ")";
    }

    /** The first byte of {@code file} that is not UTF-8; empty when it all decodes. */
    public static Optional<Utf8Position> firstIn(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long consumed = 0;
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0)).flip();
                int before = bytes.position();
                boolean bad = utf8.decode(bytes, chars, end).isError();
                consumed += bytes.position() - before;
                line += chars.flip().chars().filter(c -> c == '\n').count();
                chars.clear();
                if (bad) {
                    return Optional.of(new Utf8Position(consumed, line));
                }
                bytes.compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.empty();
    }
}
