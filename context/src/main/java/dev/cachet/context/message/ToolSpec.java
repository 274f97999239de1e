package dev.cachet.context.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/** A tool as the model sees it: name, description and the JSON schema of its arguments. */
public record ToolSpec(String name, String description, JsonNode parameters) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A tool known by its name alone, as the session logs of early versions listed the tools they offered. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ToolSpec named(String name) {
        return new ToolSpec(name, "", JsonNodeFactory.instance.objectNode());
    }

    /**
     * The name's and description's hash: equal specs still hash alike, and the schema, a tree that {@code JsonNode}
     * hashes by walking it whole, is not walked at each of the many lookups a spec has (one per window it is in).
     */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + description.hashCode();
    }

    /** True for a tool known only by its name: its schema is not known. */
    public boolean nameOnly() {
        return description.isEmpty() && parameters.isEmpty();
    }
}
