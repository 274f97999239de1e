package dev.cachet.context.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cachet.context.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool invocation requested by the model. {@code arguments} is the raw JSON text the model wrote, kept as-is
 * because it may not parse; the tool layer reports that to the model instead of failing the session.
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = Objects.requireNonNullElse(arguments, "{}");
    }

    /** The arguments as JSON; a missing node when they do not parse. */
    public JsonNode parsedArguments() {
        try {
            JsonNode args = Json.mapper().readTree(arguments);
            return args == null ? MissingNode.getInstance() : args;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** Every string the arguments hold, at any depth, in order; none when they do not parse. */
    public List<String> stringValues() {
        List<String> strings = new ArrayList<>();
        collect(parsedArguments(), strings);
        return strings;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else {
            node.forEach(child -> collect(child, into));
        }
    }

    /** A string argument, when the arguments parse and hold one under this name. */
    public Optional<String> textArgument(String name) {
        JsonNode value = parsedArguments().get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
