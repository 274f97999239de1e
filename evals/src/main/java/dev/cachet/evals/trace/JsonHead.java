package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cachet.context.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The top-level fields of the first JSON object in a file's head, for format detection. The head is usually cut
 * mid-value (a long prompt can fill it), so fields are read only as far as it goes, without building a tree.
 *
 * @param list    whether the head opens a JSON list, in which case {@code fields} are its first element's
 * @param fields  each field met, with its text when the value is a whole scalar, else "" (an object, a list, or a
 *                value the head cuts)
 */
record JsonHead(boolean list, Map<String, String> fields) {

    static JsonHead of(char[] head, int length) {
        boolean list = false;
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(head, 0, length)) {
            JsonToken token = parser.nextToken();
            list = token == JsonToken.START_ARRAY;
            if (list) {
                token = parser.nextToken();
            }
            if (token == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    fields.put(name, ""); // named even when the head ends inside its value
                    if (parser.nextToken().isStructStart()) {
                        parser.skipChildren();
                    } else {
                        fields.put(name, parser.getText());
                    }
                }
            }
        } catch (IOException e) {
            // The head ended (or the text stopped being JSON): what was read so far is all there is to know.
        }
        return new JsonHead(list, Map.copyOf(fields));
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The text of a scalar field, or "" when it is absent or not a scalar. */
    String text(String field) {
        return fields.getOrDefault(field, "");
    }
}
