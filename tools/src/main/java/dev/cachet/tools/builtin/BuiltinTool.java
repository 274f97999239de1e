package dev.cachet.tools.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;

/** A built-in tool: a fixed spec, and arguments read through {@link Args}. */
abstract class BuiltinTool implements Tool {
    /** The description of every required path argument. */
    static final String PATH = "Workspace-relative";

    private final ToolSpec spec;

    BuiltinTool(ToolSpec spec) {
        this.spec = spec;
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final ToolOutput execute(JsonNode json, ToolContext context) throws ToolException {
        return run(new Args(name(), json), context);
    }

    abstract ToolOutput run(Args args, ToolContext context) throws ToolException;
}
