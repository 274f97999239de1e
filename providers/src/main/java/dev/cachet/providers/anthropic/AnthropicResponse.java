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
        long written = tokens(usage.path("cache_creation_input_tokens"));
        // A split that claims more than was written cannot be billed: the rest of the usage still can.
        long hour = Math.min(written, tokens(usage.path("cache_creation").path("ephemeral_1h_input_tokens")));
        return Optional.of(new Usage(tokens(usage.path("input_tokens")), written,
                tokens(usage.path("cache_read_input_tokens")), tokens(usage.path("output_tokens")), 0, hour));
    }

    /**
     * A count as billed: one below zero is none (it would take back what earlier turns cost, and a budget with it),
     * and one past a long is the most a long holds, not what is left of it once cut to 64 bits.
     */
    private static long tokens(JsonNode count) {
        if (count.isNumber() && !count.canConvertToLong()) {
            return count.doubleValue() > 0 ? Long.MAX_VALUE : 0;
        }
        return Math.max(0, count.asLong());
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
