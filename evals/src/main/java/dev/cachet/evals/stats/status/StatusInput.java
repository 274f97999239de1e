package dev.cachet.evals.stats.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Claude Code tells a statusline command on stdin, the fields cachet uses: {@code session_id},
 * {@code transcript_path}, {@code model.id} and {@code model.display_name}, {@code cost.total_cost_usd} and
 * {@code context_window.context_window_size}. Every field but the transcript may be missing.
 */
public record StatusInput(Optional<Path> transcript, Optional<String> modelId, Optional<String> modelName,
        Optional<Double> sessionCostUsd, Optional<Long> contextWindow) {

    /** @throws IllegalArgumentException when {@code json} is not a JSON object */
    public static StatusInput parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("statusline input is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("statusline input is not a JSON object");
        }
        return new StatusInput(text(root.path("transcript_path")).map(Path::of), text(root.path("model").path("id")),
                text(root.path("model").path("display_name")),
                root.path("cost").path("total_cost_usd").isNumber()
                        ? Optional.of(root.path("cost").path("total_cost_usd").asDouble()) : Optional.empty(),
                root.path("context_window").path("context_window_size").canConvertToLong()
                        && root.path("context_window").path("context_window_size").asLong() > 0
                        ? Optional.of(root.path("context_window").path("context_window_size").asLong()) : Optional.empty());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
