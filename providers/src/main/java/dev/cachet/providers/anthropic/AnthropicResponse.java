package dev.cachet.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an Anthropic Messages API answer: text and tool_use blocks, stop reason, and usage by kind. */
final class AnthropicResponse {
    private AnthropicResponse() {}

    static AssistantTurn turn(JsonNode response) {
        JsonNode content = response.path("content");
        if (!content.isArray()) {
            throw new ProviderException("anthropic: the answer has no content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(text.length() == 0 ? "" : "\n").append(block.path("text").asText());
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(),
                        block.path("input").toString()));
                default -> { } // thinking and server-tool blocks are not part of the transcript
            }
        }
        return new AssistantTurn(text.toString(), calls);
    }

    /**
     * Anthropic's {@code input_tokens} excludes cached tokens, so it is the uncached part as it stands; its
     * {@code cache_creation} splits the writes by lifetime, and the 1-hour ones bill at their own rate. Empty when
     * the answer has no usage.
     */
    static Optional<Usage> usage(JsonNode response) {
        JsonNode usage = response.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long written = usage.path("cache_creation_input_tokens").asLong();
        // A split that claims more than was written cannot be billed: the rest of the usage still can.
        long hour = Math.max(0, Math.min(written, usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong()));
        return Optional.of(new Usage(usage.path("input_tokens").asLong(), written,
                usage.path("cache_read_input_tokens").asLong(), usage.path("output_tokens").asLong(), 0, hour));
    }

    static FinishReason finishReason(JsonNode response) {
        return switch (response.path("stop_reason").asText()) {
            case "end_turn", "stop_sequence" -> FinishReason.END_TURN;
            case "tool_use" -> FinishReason.TOOL_USE;
            case "max_tokens" -> FinishReason.MAX_TOKENS;
            default -> FinishReason.OTHER;
        };
    }
}
