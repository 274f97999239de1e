package dev.cachet.providers.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.http.EventSink;
import dev.cachet.providers.http.ServerSentEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Puts a streamed Messages API answer back together as the one message the API would have answered without
 * streaming, so that {@link AnthropicResponse} reads both alike: text deltas are passed on as they arrive, tool
 * inputs are joined from their JSON fragments, and usage is taken from {@code message_start} with what each
 * {@code message_delta} says on top (its counts are cumulative, so the last one stands, cache fields included).
 *
 * <p>NOTE: the API may send an {@code error} event in place of the rest of the stream; an overloaded or failing API
 * is worth asking again, a request it refuses is not.
 */
final class AnthropicStream implements EventSink {
    private static final Set<String> RETRIED_ERRORS = Set.of("overloaded_error", "api_error");

    private final ObjectMapper mapper = new ObjectMapper();
    private final TextStream text;
    private ObjectNode message;
    private final Map<Integer, StringBuilder> toolInputs = new HashMap<>();
    // Text joined as it arrives, and put in its block once: joining it there delta by delta copied it whole each time.
    private final Map<Integer, StringBuilder> texts = new HashMap<>();
    private boolean shown;

    AnthropicStream(TextStream text) {
        this.text = text;
    }

    @Override
    public void begin(String after) {
        message = null;
        toolInputs.clear();
        texts.clear();
        if (shown) {
            text.restarted(after);
            shown = false;
        }
    }

    @Override
    public boolean accept(ServerSentEvent event) {
        JsonNode data = parse(event.data());
        switch (data.path("type").asText(event.name())) {
            case "message_start" -> {
                // A second start begins the message again: nothing of the first's blocks carries over into it.
                message = object(data.path("message"), "message_start's message").deepCopy().put("type", "message");
                toolInputs.clear();
                texts.clear();
            }
            case "content_block_start" -> startBlock(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> delta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> finishBlock(data.path("index").asInt());
            case "message_delta" -> {
                started().setAll(object(data.path("delta"), "message_delta's delta").deepCopy());
                if (data.path("usage").isObject()) {
                    JsonNode usage = started().path("usage");
                    (usage.isObject() ? (ObjectNode) usage : started().putObject("usage"))
                            .setAll((ObjectNode) data.path("usage").deepCopy());
                }
            }
            case "message_stop" -> {
                return true;
            }
            case "error" -> {
                String type = data.path("error").path("type").asText("error");
                throw new StreamFailure(type + ": " + data.path("error").path("message").asText(""), RETRIED_ERRORS.contains(type));
            }
            default -> { } // ping, and event types added later: the documented way to treat them is to ignore them
        }
        return false;
    }

    /** The message as the API would have answered it whole. */
    JsonNode message() {
        texts.keySet().stream().toList().forEach(this::putText);
        return started();
    }

    // Blocks start in order, each at the index after the last: a gap or a negative index is no message's.
    private void startBlock(int index, JsonNode block) {
        ArrayNode content = content();
        if (index < 0 || index > content.size()) {
            throw new ProviderException("anthropic: the stream started block " + index + " after " + content.size() + " blocks");
        }
        if (index == content.size()) {
            content.addNull();
        }
        content.set(index, object(block, "content block " + index).deepCopy());
        texts.remove(index);
    }

    private void delta(int index, JsonNode delta) {
        ObjectNode block = object(content().path(index), "content block " + index);
        switch (delta.path("type").asText()) {
            case "text_delta" -> {
                String piece = delta.path("text").asText();
                texts.computeIfAbsent(index, i -> new StringBuilder(block.path("text").asText())).append(piece);
                text.text(piece);
                shown = true;
            }
            case "input_json_delta" -> toolInputs.computeIfAbsent(index, i -> new StringBuilder())
                    .append(delta.path("partial_json").asText());
            default -> { } // thinking and signatures are not part of the transcript
        }
    }

    private void finishBlock(int index) {
        putText(index);
        StringBuilder input = toolInputs.remove(index);
        if (input != null && content().path(index).isObject()) {
            // A tool called without arguments streams no fragment at all, and its input stays the empty object.
            ((ObjectNode) content().get(index)).set("input", input.toString().isBlank() ? mapper.createObjectNode() : parse(input.toString()));
        }
    }

    private void putText(int index) {
        StringBuilder text = texts.remove(index);
        if (text != null && content().path(index).isObject()) {
            ((ObjectNode) content().get(index)).put("text", text.toString());
        }
    }

    /** {@code node} as the JSON object the stream's documented shape has there. */
    private static ObjectNode object(JsonNode node, String what) {
        if (!(node instanceof ObjectNode object)) {
            throw new ProviderException("anthropic: the stream's " + what + (node.isMissingNode() ? " never started"
                    : " is not a JSON object"));
        }
        return object;
    }

    private ArrayNode content() {
        JsonNode content = started().path("content");
        return content.isArray() ? (ArrayNode) content : started().putArray("content");
    }

    private ObjectNode started() {
        if (message == null) {
            throw new ProviderException("anthropic: the stream sent content before its message_start event");
        }
        return message;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProviderException("anthropic: a streamed event is not valid JSON (" + e.getOriginalMessage() + "): "
                    + (json.length() > 200 ? json.substring(0, 200) + "..." : json));
        }
    }
}
