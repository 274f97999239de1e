package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

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
            default -> JsonString.startingAt(line, at).text();
        };
    }
}
