package dev.cachet.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;

/**
 * A whole provider answer sent as the server-sent events a streamed request gets, as each provider documents them:
 * the live view asks for streams, and a test writes the answer it means once, whole.
 */
final class StreamedAnswers {
    private StreamedAnswers() {}

    /** A Messages API answer as Anthropic streams it: text and tool inputs in two pieces each, usage split as sent. */
    static MockResponse anthropic(String message) {
        JsonNode whole = parse(message);
        StringBuilder sse = new StringBuilder();
        ObjectNode start = whole.deepCopy();
        start.putArray("content");
        start.putNull("stop_reason");
        ((ObjectNode) start.path("usage")).put("output_tokens", 1);
        event(sse, "message_start", Json.mapper().createObjectNode().put("type", "message_start").set("message", start));
        int index = 0;
        for (JsonNode block : whole.path("content")) {
            boolean text = block.path("type").asText().equals("text");
            ObjectNode opened = block.deepCopy();
            if (text) {
                opened.put("text", "");
            } else {
                opened.putObject("input");
            }
            event(sse, "content_block_start", Json.mapper().createObjectNode().put("type", "content_block_start")
                    .put("index", index).set("content_block", opened));
            String streamed = text ? block.path("text").asText() : block.path("input").toString();
            for (String piece : halves(streamed)) {
                ObjectNode delta = Json.mapper().createObjectNode().put("type", text ? "text_delta" : "input_json_delta")
                        .put(text ? "text" : "partial_json", piece);
                event(sse, "content_block_delta", Json.mapper().createObjectNode().put("type", "content_block_delta")
                        .put("index", index).set("delta", delta));
            }
            event(sse, "content_block_stop", Json.mapper().createObjectNode().put("type", "content_block_stop").put("index", index));
            index++;
        }
        ObjectNode delta = Json.mapper().createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", whole.path("stop_reason").asText()).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", whole.path("usage").path("output_tokens").asLong());
        event(sse, "message_delta", delta);
        event(sse, "message_stop", Json.mapper().createObjectNode().put("type", "message_stop"));
        return events(sse.toString());
    }

    /** A chat completion as OpenAI streams it: content and arguments in two chunks each, usage in a last chunk. */
    static MockResponse openAi(String completion) {
        return events(openAiEvents(completion));
    }

    static String openAiEvents(String completion) {
        JsonNode whole = parse(completion);
        JsonNode message = whole.path("choices").path(0).path("message");
        StringBuilder sse = new StringBuilder();
        chunk(sse, whole, Json.mapper().createObjectNode().put("role", "assistant").put("content", ""), null);
        if (message.path("content").isTextual()) {
            for (String piece : halves(message.path("content").asText())) {
                chunk(sse, whole, Json.mapper().createObjectNode().put("content", piece), null);
            }
        }
        int index = 0;
        for (JsonNode call : message.path("tool_calls")) {
            String[] arguments = halves(call.path("function").path("arguments").asText());
            for (int half = 0; half < arguments.length; half++) {
                String piece = arguments[half];
                ObjectNode delta = Json.mapper().createObjectNode();
                ObjectNode streamed = delta.putArray("tool_calls").addObject().put("index", index);
                // The first chunk of a call names it; the later ones carry only more of its arguments.
                if (half == 0) {
                    streamed.put("id", call.path("id").asText()).put("type", "function");
                    streamed.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", piece);
                } else {
                    streamed.putObject("function").put("arguments", piece);
                }
                chunk(sse, whole, delta, null);
            }
            index++;
        }
        chunk(sse, whole, Json.mapper().createObjectNode(), whole.path("choices").path(0).path("finish_reason").asText());
        ObjectNode usage = Json.mapper().createObjectNode().put("id", whole.path("id").asText())
                .put("object", "chat.completion.chunk").put("model", whole.path("model").asText());
        usage.putArray("choices");
        usage.set("usage", whole.path("usage"));
        sse.append("data: ").append(usage).append("\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    private static void chunk(StringBuilder sse, JsonNode whole, ObjectNode delta, String finishReason) {
        ObjectNode chunk = Json.mapper().createObjectNode().put("id", whole.path("id").asText())
                .put("object", "chat.completion.chunk").put("created", whole.path("created").asLong())
                .put("model", whole.path("model").asText());
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        sse.append("data: ").append(chunk).append("\n\n");
    }

    private static String[] halves(String text) {
        return new String[] {text.substring(0, text.length() / 2), text.substring(text.length() / 2)};
    }

    private static void event(StringBuilder sse, String name, JsonNode data) {
        sse.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
    }

    static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream").body(body).build();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
