package dev.cachet.tools;

/** What a tool call returns to the model. */
public record ToolOutput(String content, boolean error) {
    public static ToolOutput ok(String content) {
        return new ToolOutput(content, false);
    }

    public static ToolOutput error(String content) {
        return new ToolOutput(content, true);
    }
}
