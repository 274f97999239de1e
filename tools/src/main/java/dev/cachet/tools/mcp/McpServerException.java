package dev.cachet.tools.mcp;

/** An MCP server could not be started, reached or asked for its tools; the message names the server. */
public class McpServerException extends Exception {
    public McpServerException(String message) {
        super(message);
    }
}
