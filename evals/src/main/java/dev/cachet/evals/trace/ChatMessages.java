package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI-style chat messages, the shape of both SWE-agent's history and mini-swe-agent's messages. */
final class ChatMessages {
    private ChatMessages() {}

    /** A message's text: a plain string, or the text blocks of a content list (written when prompt caching is on). */
    static String text(JsonNode message) {
        JsonNode content = message.path("content");
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            text.append(block.path("text").asText(""));
        }
        return text.toString();
    }

    /** The native tool calls of an assistant message, in order; none when it has no {@code tool_calls}. */
    static List<ToolCall> toolCalls(Path file, JsonNode message, String path) {
        JsonNode calls = message.path("tool_calls");
        if (calls.isMissingNode() || calls.isNull()) {
            return List.of();
        }
        JsonShape.array(file, calls, path + ".tool_calls");
        List<ToolCall> result = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String callPath = path + ".tool_calls[" + i + "]";
            JsonNode call = JsonShape.object(file, calls.get(i), callPath);
            result.add(new ToolCall(
                    JsonShape.text(file, call.path("id"), callPath + ".id"),
                    JsonShape.text(file, call.path("function").path("name"), callPath + ".function.name"),
                    JsonShape.text(file, call.path("function").path("arguments"), callPath + ".function.arguments")));
        }
        return result;
    }

    /** A text-mode action as the one {@code bash} call cachet gives harnesses without native tool calls. */
    static ToolCall bashCall(int turn, String command) {
        String arguments = Json.mapper().createObjectNode().put("command", command).toString();
        return new ToolCall("call-" + turn, "bash", arguments);
    }
}
