package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that parsed trace JSON has the shape a format expects, failing with the file and the JSON path of the
 * first mismatch, such as {@code x.traj: expected trajectory[3].action to be a string, found nothing}.
 */
final class JsonShape {
    private JsonShape() {}

    static JsonNode object(Path file, JsonNode node, String path) {
        if (!node.isObject()) {
            throw mismatch(file, path, "an object", node);
        }
        return node;
    }

    static JsonNode array(Path file, JsonNode node, String path) {
        if (!node.isArray()) {
            throw mismatch(file, path, "a list", node);
        }
        return node;
    }

    static String text(Path file, JsonNode node, String path) {
        if (!node.isTextual()) {
            throw mismatch(file, path, "a string", node);
        }
        return node.asText();
    }

    static TraceFormatException mismatch(Path file, String path, String expected, JsonNode found) {
        return new TraceFormatException(file + ": expected " + path + " to be " + expected + ", found " + describe(found));
    }

    private static String describe(JsonNode found) {
        if (found.isMissingNode()) {
            return "nothing";
        }
        if (found.isTextual()) {
            String text = found.asText();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        return found.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
