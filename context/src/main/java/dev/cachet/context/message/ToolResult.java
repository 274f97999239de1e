package dev.cachet.context.message;

import java.util.Objects;

/** The observation for one tool call: its output, or the error the model should see. */
public record ToolResult(String callId, String toolName, String content, boolean error) implements Message {
    public ToolResult {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(content, "content");
    }
}
