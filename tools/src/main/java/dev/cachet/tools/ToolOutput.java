package dev.cachet.tools;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;

/**
 * What a tool call returns to the model. {@code carriesSchema} marks an output that holds tool schemas the model
 * can call, so context strategies keep those schemas when they drop the output.
 */
public record ToolOutput(String content, boolean error, boolean carriesSchema) {
    public static ToolOutput ok(String content) {
        return new ToolOutput(content, false, false);
    }

    public static ToolOutput error(String content) {
        return new ToolOutput(content, true, false);
    }

    /** A successful output that holds tool schemas, as a tool search's does. */
    public static ToolOutput schemas(String content) {
        return new ToolOutput(content, false, true);
    }

    public ToolOutput withContent(String content) {
        return new ToolOutput(content, error, carriesSchema);
    }

    /** This output as the session records it: the observation for {@code call}. */
    public ToolResult resultFor(ToolCall call) {
        return new ToolResult(call.id(), call.name(), content, error, carriesSchema);
    }
}
