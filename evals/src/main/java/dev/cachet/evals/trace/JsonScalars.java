package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Scalars as the streaming summary readers take them from a parser, so that each reads as the importers'
 * {@code JsonNode} calls read it. Text is a String; a JSON null and anything that is not text are the two sentinels
 * below, told apart by identity; using a sentinel where text is needed is {@link Unsure}.
 */
final class JsonScalars {
    /** A JSON null where text was expected: {@code asText(default)} gives the default, {@code asText()} "null". */
    static final String NULL = new String("null");
    /** Neither text nor null: a number, a boolean, an object or a list. */
    static final String OTHER = new String("<other>");

    private JsonScalars() {}

    /** The value at the parser's current token ({@code t}), skipped whole when it is no string. */
    static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return NULL;
        }
        p.skipChildren();
        return OTHER;
    }

    /** Skips the current value; null, for a field not wanted. */
    static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** {@code path(..).asText(fallback)}: absent or null is the fallback. */
    static String text(String value, String fallback) {
        if (value == null || value == NULL) {
            return fallback;
        }
        if (value == OTHER) {
            throw new Unsure("not text");
        }
        return value;
    }

    /** {@code path(..).asText()}: absent is empty, null is "null". */
    static String textOf(String value) {
        if (value == null) {
            return "";
        }
        if (value == OTHER) {
            throw new Unsure("not text");
        }
        return value;
    }

    /**
     * {@code JsonFiles.instant}: absent or null is empty; anything that is not text or does not parse is the
     * importer's to judge.
     */
    static Optional<Instant> instant(String value) {
        if (value == null || value == NULL) {
            return Optional.empty();
        }
        if (value == OTHER) {
            throw new Unsure("timestamp");
        }
        try {
            return Optional.of(UtcInstants.parse(value));
        } catch (DateTimeParseException e) {
            throw new Unsure("timestamp");
        }
    }

    static boolean isText(String value) {
        return value != null && value != NULL && value != OTHER;
    }
}
