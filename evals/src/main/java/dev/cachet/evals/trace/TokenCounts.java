package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A usage object's token counts, read by a streaming summary reader as the importer's {@code asLong()} reads them: a
 * whole number as it is, null or absent as 0; a value it would coerce (a float, a string of digits) or refuse (other
 * text, a negative count) is noted, for the reader to leave the file to the importer.
 */
final class TokenCounts {
    final long[] values;
    boolean coerced;

    TokenCounts(int size) {
        values = new long[size];
    }

    /** Reads the count at the parser's current token ({@code t}) into {@code index}. */
    void read(int index, JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            values[index] = p.getLongValue();
            coerced |= values[index] < 0;
            return;
        }
        values[index] = 0;
        if (t != JsonToken.VALUE_NULL) {
            coerced = true;
            p.skipChildren();
        }
    }
}
