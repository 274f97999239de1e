package dev.cachet.tools.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;

/** Ends the session: the agent calls it when the task is done. The loop stops after it runs. */
public final class FinishTool implements Tool {
    public static final String NAME = "finish";

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Call when the task is complete (or cannot be completed), with a short summary of what was done.",
            Schema.object().string("summary", "What was done and how it was verified", true).build());

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutput execute(JsonNode json, ToolContext context) throws ToolException {
        return ToolOutput.ok("finished: " + new Args(name(), json).string("summary"));
    }
}
