package dev.cachet.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Window;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a window as an Anthropic Messages API request. System text goes to {@code system}; user text and tool
 * results that follow each other share one user message, as the API requires alternating roles. A
 * {@code cache_control} marker goes on the last content block of the message that ends each window breakpoint, so
 * what the provider caches is exactly what the context manager planned.
 */
final class AnthropicRequest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Duration ONE_HOUR = Duration.ofHours(1);

    private AnthropicRequest() {}

    static ObjectNode of(String model, int maxTokens, Duration cacheTtl, Window window) {
        Set<Integer> breakpointEnds = window.breakpoints().stream().map(Breakpoint::messages).collect(Collectors.toSet());
        ObjectNode request = JSON.objectNode().put("model", model).put("max_tokens", maxTokens);
        ArrayNode system = JSON.arrayNode();
        ArrayNode messages = JSON.arrayNode();
        List<Message> all = window.messages();
        for (int i = 0; i < all.size(); i++) {
            Message message = all.get(i);
            ObjectNode block;
            if (message instanceof SystemText text) {
                block = system.addObject().put("type", "text").put("text", text.text());
            } else if (message instanceof AssistantTurn turn) {
                block = assistant(messages, turn);
            } else {
                block = userBlock(lastUserContent(messages), message);
            }
            if (breakpointEnds.contains(i + 1) && block != null) {
                ObjectNode cacheControl = block.putObject("cache_control").put("type", "ephemeral");
                if (cacheTtl.compareTo(ONE_HOUR) >= 0) {
                    cacheControl.put("ttl", "1h");
                }
            }
        }
        if (!system.isEmpty()) {
            request.set("system", system);
        }
        if (!window.tools().isEmpty()) {
            ArrayNode tools = request.putArray("tools");
            window.tools().forEach(t -> tools.add(tool(t)));
        }
        request.set("messages", messages);
        return request;
    }

    /** The assistant message's content blocks; returns the last, where a breakpoint would go. */
    private static ObjectNode assistant(ArrayNode messages, AssistantTurn turn) {
        ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
        ObjectNode last = null;
        if (!turn.text().isBlank()) {
            last = content.addObject().put("type", "text").put("text", turn.text());
        }
        for (ToolCall call : turn.toolCalls()) {
            last = content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name());
            JsonNode input = call.parsedArguments();
            // The API takes only an object; arguments the model got wrong are sent back as it wrote them.
            last.set("input", input.isObject() ? input : JSON.objectNode().put("_unparsed_arguments", call.arguments()));
        }
        if (last == null) {
            last = content.addObject().put("type", "text").put("text", "(no text)");
        }
        return last;
    }

    private static ArrayNode lastUserContent(ArrayNode messages) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && last.path("role").asText().equals("user")) {
            return (ArrayNode) last.get("content");
        }
        return messages.addObject().put("role", "user").putArray("content");
    }

    private static ObjectNode userBlock(ArrayNode content, Message message) {
        if (message instanceof ToolResult result) {
            ObjectNode block = content.addObject().put("type", "tool_result").put("tool_use_id", result.callId())
                    .put("content", result.content());
            if (result.error()) {
                block.put("is_error", true);
            }
            return block;
        }
        return content.addObject().put("type", "text").put("text", ((UserText) message).text());
    }

    private static ObjectNode tool(ToolSpec spec) {
        ObjectNode tool = JSON.objectNode().put("name", spec.name()).put("description", spec.description());
        tool.set("input_schema", spec.parameters());
        return tool;
    }
}
