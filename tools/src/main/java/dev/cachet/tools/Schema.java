package dev.cachet.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON schema of a tool's arguments: an object of string, integer and other properties. A schema goes
 * out with every request, so an optional property whose name says what it is may go without a description, and an
 * empty {@code required} list is left out.
 */
public final class Schema {
    private final ObjectNode schema = JsonNodeFactory.instance.objectNode();
    private final ObjectNode properties = schema.put("type", "object").putObject("properties");
    private final ArrayNode required = schema.putArray("required");

    public static Schema object() {
        return new Schema();
    }

    public Schema string(String name, String description, boolean isRequired) {
        return property(name, "string", description, isRequired);
    }

    public Schema integer(String name, String description, boolean isRequired) {
        return property(name, "integer", description, isRequired);
    }

    /** An optional string whose name says what it is. */
    public Schema optionalString(String name) {
        return property(name, JsonNodeFactory.instance.objectNode().put("type", "string"), false);
    }

    /** An optional integer whose name says what it is. */
    public Schema optionalInteger(String name) {
        return property(name, JsonNodeFactory.instance.objectNode().put("type", "integer"), false);
    }

    /** A property with a schema of its own, e.g. an array of objects. */
    public Schema property(String name, ObjectNode propertySchema, boolean isRequired) {
        properties.set(name, propertySchema);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    public ObjectNode build() {
        ObjectNode built = schema.deepCopy();
        if (required.isEmpty()) {
            built.remove("required");
        }
        return built;
    }

    private Schema property(String name, String type, String description, boolean isRequired) {
        return property(name, JsonNodeFactory.instance.objectNode().put("type", type).put("description", description), isRequired);
    }
}
