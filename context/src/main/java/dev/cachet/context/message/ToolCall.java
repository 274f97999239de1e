package dev.cachet.context.message;

import java.util.Objects;

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
}
