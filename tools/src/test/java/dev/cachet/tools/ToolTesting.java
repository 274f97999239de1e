package dev.cachet.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds tool arguments and contexts, and calls tools the way the agent loop does: through a {@link ToolBox}. */
public final class ToolTesting {
    private ToolTesting() {}

    /** An argument object from alternating names and values: {@code args("path", "a.txt", "start_line", 2)}. */
    public static ObjectNode args(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        ObjectNode args = Json.mapper().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.set((String) namesAndValues[i], Json.mapper().valueToTree(namesAndValues[i + 1]));
        }
        return args;
    }

    public static ToolContext context(Path root) {
        return ToolContext.defaults(new Workspace(root));
    }

    public static ToolContext context(Path root, Duration commandTimeout, int outputLimitChars) {
        return new ToolContext(new Workspace(root), commandTimeout, outputLimitChars, context(root).taskState());
    }

    /** Calls {@code tool} with the given arguments; tool errors come back as error outputs, as the model sees them. */
    public static ToolOutput call(Tool tool, ToolContext context, Object... namesAndValues) {
        return new ToolBox(List.of(tool)).execute(
                new ToolCall("call-1", tool.name(), args(namesAndValues).toString()), context);
    }

    public static ToolOutput call(Tool tool, Path root, Object... namesAndValues) {
        return call(tool, context(root), namesAndValues);
    }
}
