package dev.cachet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads tool arguments, with errors that tell the model which argument is wrong. */
public final class Args {
    private final String tool;
    private final JsonNode args;

    public Args(String tool, JsonNode args) {
        this.tool = tool;
        this.args = args;
    }

    /** The arguments as the model wrote them. */
    public JsonNode json() {
        return args;
    }

    public String string(String name) throws ToolException {
        return optionalString(name).orElseThrow(() -> new ToolException(
                tool + ": missing required string argument '" + name + "'"));
    }

    public Optional<String> optionalString(String name) throws ToolException {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new ToolException(tool + ": argument '" + name + "' must be a string, got " + value.getNodeType());
        }
        return Optional.of(value.asText());
    }

    public Optional<Integer> optionalInt(String name) throws ToolException {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ToolException(tool + ": argument '" + name + "' must be an integer, got " + value);
        }
        return Optional.of(value.asInt());
    }

    public int positiveInt(String name, int defaultValue) throws ToolException {
        int value = optionalInt(name).orElse(defaultValue);
        if (value < 1) {
            throw new ToolException(tool + ": argument '" + name + "' must be at least 1, got " + value);
        }
        return value;
    }
}
