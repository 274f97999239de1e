package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The text of message content as the Anthropic and OpenAI APIs write it: a string, or a list of typed blocks. */
final class Blocks {
    private static final Set<String> TEXT = Set.of("text", "input_text", "output_text");
    private static final Set<String> IMAGE = Set.of("image", "input_image");

    private Blocks() {}

    /**
     * A string as it is; a list's text blocks joined by newlines, with {@code [image]} standing for each image.
     * Other blocks (tool calls and results, thinking) are not text and are left out; anything else is empty.
     */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if (TEXT.contains(type)) {
                parts.add(block.path("text").asText());
            } else if (IMAGE.contains(type)) {
                parts.add("[image]");
            }
        }
        return String.join("\n", parts);
    }
}
