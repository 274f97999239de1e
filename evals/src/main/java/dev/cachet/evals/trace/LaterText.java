package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A top-level string that most lines never use (the session's id past a log's first line, the chain's ids outside
 * sidechains, a user line's time and request, the time of a Codex line that makes no call), kept as where it starts in
 * its line and read from there only when it is used: the parser skips a string for less than it takes to make one,
 * and those were a twentieth of summarising a log. A value that is no string is kept as what
 * {@link JsonScalars#scalar} makes of it.
 */
final class LaterText {
    static final int ABSENT = -1;
    private static final int NULL = -2;
    private static final int OTHER = -3;
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private LaterText() {}

    /** Where the string at the parser's current token ({@code t}) starts in its line; else what the value is. */
    static int at(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return (int) p.currentTokenLocation().getByteOffset();
        }
        return JsonScalars.scalar(p, t) == JsonScalars.NULL ? NULL : OTHER;
    }

    /**
     * The value {@link #at} found, as {@link JsonScalars#scalar} reads it (null where absent), from the line the parser
     * read whole: its string is well formed.
     */
    static String read(byte[] line, int at) {
        return switch (at) {
            case ABSENT -> null;
            case NULL -> JsonScalars.NULL;
            case OTHER -> JsonScalars.OTHER;
            default -> string(line, at);
        };
    }

    /** Ids are ASCII without escapes, read as they stand; anything else as the parser decodes it. */
    private static String string(byte[] line, int quote) {
        if (line[quote] != '"') {
            throw new IllegalStateException("no string at byte " + quote);
        }
        int close = ByteSearch.indexOfEither(line, quote + 1, line.length, (byte) '"', (byte) '\\');
        if (line[close] == '"' && ascii(line, quote + 1, close)) {
            return new String(line, quote + 1, close - quote - 1, StandardCharsets.ISO_8859_1);
        }
        try (JsonParser p = FACTORY.createParser(line, quote, line.length - quote)) {
            p.nextToken();
            return p.getText();
        } catch (IOException e) {
            throw new UncheckedIOException("a string the line's parser read whole", e);
        }
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
