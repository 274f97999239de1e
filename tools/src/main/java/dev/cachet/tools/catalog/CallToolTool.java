package dev.cachet.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;

/** The one stable entry through which the model calls any deferred tool, so the tools array never grows. */
final class CallToolTool implements Tool {
    static final String NAME = "call_tool";

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Call a tool found with tool_search, by its name, with arguments matching its parameter schema.",
            Schema.object()
                    .string("name", "The tool's name, as tool_search gave it", true)
                    .property("arguments", Json.mapper().createObjectNode().put("type", "object")
                            .put("description", "The tool's arguments"), false)
                    .build());

    private final ToolBox deferred;

    CallToolTool(ToolBox deferred) {
        this.deferred = deferred;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutput execute(JsonNode json, ToolContext context) throws ToolException {
        Args args = new Args(NAME, json);
        String name = args.string("name");
        JsonNode arguments = json.path("arguments");
        if (arguments.isMissingNode() || arguments.isNull()) {
            arguments = Json.mapper().createObjectNode();
        }
        if (!(arguments instanceof ObjectNode)) {
            throw new ToolException("call_tool: 'arguments' must be a JSON object");
        }
        if (!deferred.has(name)) {
            throw new ToolException("call_tool: no tool named '" + name + "'; find tools with tool_search");
        }
        return deferred.execute(new ToolCall(NAME, name, arguments.toString()), context);
    }
}
