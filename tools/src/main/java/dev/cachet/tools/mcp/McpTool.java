package dev.cachet.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.context.HeadTailBuffer;

/** A tool of an MCP server, under the name and with the schema the server gave it. */
public final class McpTool implements Tool {
    private final McpConnection connection;
    private final ToolSpec spec;

    McpTool(McpConnection connection, ToolSpec spec) {
        this.connection = connection;
        this.spec = spec;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    /** The name of the server the tool comes from, as configured. */
    public String server() {
        return connection.server();
    }

    @Override
    public ToolOutput execute(JsonNode args, ToolContext context) throws ToolException {
        // A server acts outside the sandbox, so with --approve the user sees every call before it is made, whole: a
        // long first argument would push the one that matters out of a clipped question.
        context.checkApproved("call " + server() + "/" + name() + " " + args);
        // A server's output is as unbounded as a command's, and is capped the same way.
        return ToolOutput.ok(HeadTailBuffer.cap(connection.call(name(), args), context.outputLimitChars()));
    }
}
