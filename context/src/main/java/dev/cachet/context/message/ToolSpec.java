package dev.cachet.context.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A tool as the model sees it: name, description and the JSON schema of its arguments. */
public record ToolSpec(String name, String description, JsonNode parameters) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
