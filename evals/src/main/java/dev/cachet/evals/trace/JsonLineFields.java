package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.cachet.context.Json;
import java.io.IOException;

/**
 * Walks the fields of a JSONL line that must hold one JSON object, with the parser cachet's mapper uses, so that
 * repeated keys and anything after the object fail here as they fail the importers ({@link Unsure}); its duplicate
 * detection is {@link DuplicateFields}', which costs less.
 */
final class JsonLineFields {
    // The mapper's limits without its codec: a field reads tokens, never a tree (readValueAsTree would fail here).
    private static final JsonFactory FACTORY = Json.mapper().getFactory().rebuild()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What a reader does with one top-level field: read its value, or skip it. */
    interface Field {
        /** @param t the value's first token; the reader must consume the value whole */
        void read(String name, JsonParser p, JsonToken t) throws IOException;
    }

    private JsonLineFields() {}

    /** Hands each top-level field of the line's {@code length} bytes to {@code field}, in order; returns it. */
    static <F extends Field> F read(byte[] bytes, int length, F field) throws IOException {
        try (JsonParser p = new DuplicateFields(FACTORY.createParser(bytes, 0, length))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Unsure("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                field.read(name, p, p.nextToken());
            }
            if (p.nextToken() != null) {
                throw new Unsure("more after the object");
            }
            // Counted by the parser in the whitespace between tokens (a string holds none): more lines to readLine.
            if (p.currentLocation().getLineNr() != 1) {
                throw new Unsure("carriage return within a line");
            }
        }
        return field;
    }
}
