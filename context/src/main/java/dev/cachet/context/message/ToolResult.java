package dev.cachet.context.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The observation for one tool call: its output, or the error the model should see. {@code carriesSchema} marks an
 * output that holds tool schemas the model can call (what a tool search returns), so a strategy that drops the
 * output can keep the schemas. It is written to JSON only when set: logs stay as they were, and read back unset.
 */
public record ToolResult(String callId, String toolName, String content, boolean error,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean carriesSchema) implements Message {
    public ToolResult {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(content, "content");
    }

    /** An output without tool schemas, which is what almost every tool returns. */
    public ToolResult(String callId, String toolName, String content, boolean error) {
        this(callId, toolName, content, error, false);
    }
}
