package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON string as a line spells it, escapes and all, decoded only to count its tokens or when its text is asked for
 * ({@link LaterText}). Its length between the quotes bounds the UTF-8 length of its text from above (an escape takes
 * more bytes than the character it stands for: 2 for 1, 6 for at most 3, 12 for a pair's 4), so a tool result too
 * short to matter is sized without being decoded.
 */
final class JsonString implements ResultText {
    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private final byte[] bytes;
    /** Where its quotes are in {@link #bytes}. */
    private final int open;
    private final int close;

    private JsonString(byte[] bytes, int open, int close) {
        this.bytes = bytes;
        this.open = open;
        this.close = close;
    }

    /**
     * The string at the parser's current token, a {@link JsonToken#VALUE_STRING} it has not read yet, in the line it
     * parses ({@code line}, from its index 0). The parser skips it next; the line has to be well formed JSON, as the
     * parser finds when it reads on, before the string is used.
     */
    static JsonString at(JsonParser p, byte[] line) {
        return startingAt(line, (int) p.currentTokenLocation().getByteOffset());
    }

    /** The string whose opening quote is at {@code open} in {@code line}, a line its parser read whole. */
    static JsonString startingAt(byte[] line, int open) {
        if (line[open] != '"') {
            throw new IllegalStateException("no string at byte " + open);
        }
        int i = ByteSearch.indexOfEither(line, open + 1, line.length, (byte) '"', (byte) '\\');
        while (line[i] == '\\') {
            i = ByteSearch.indexOfEither(line, i + 2, line.length, (byte) '"', (byte) '\\');
        }
        return new JsonString(line, open, i);
    }

    /**
     * The string at the parser's current token as a tool result: decoded by the parser at once where
     * {@link ResultSizes} will count it whatever else comes, so that the parser need not skip it first; else as
     * {@link #at}.
     */
    static ResultText result(JsonParser p, byte[] line) throws IOException {
        JsonString spelled = at(p, line);
        if (!ResultSizes.countedAtOnce(spelled.utf8BytesAtMost())) {
            return spelled;
        }
        int start = p.getTextOffset();
        return new ResultText.Chars(Arrays.copyOfRange(p.getTextCharacters(), start, start + p.getTextLength()),
                spelled.utf8BytesAtMost());
    }

    @Override
    public long utf8BytesAtMost() {
        return close - open - 1;
    }

    @Override
    public int tokens(TokenCounter counter) {
        return decoded(p -> {
            int start = p.getTextOffset();
            return counter.count(p.getTextCharacters(), start, start + p.getTextLength());
        });
    }

    /** Its text: ASCII without escapes (an id, a time) as it stands, anything else as the parser decodes it. */
    String text() {
        for (int i = open + 1; i < close; i++) {
            if (bytes[i] < 0 || bytes[i] == '\\') {
                return decoded(JsonParser::getText);
            }
        }
        return new String(bytes, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
    }

    /** What {@code read} takes from the parser standing on the string. */
    private <T> T decoded(Decoded<T> read) {
        try (JsonParser p = FACTORY.createParser(bytes, open, close - open + 1)) {
            p.nextToken();
            return read.from(p);
        } catch (IOException e) {
            throw new UncheckedIOException("a string the line's parser read whole", e);
        }
    }

    private interface Decoded<T> {
        T from(JsonParser p) throws IOException;
    }

    @Override
    public JsonString kept() {
        return new JsonString(Arrays.copyOfRange(bytes, open, close + 1), 0, close - open);
    }
}
