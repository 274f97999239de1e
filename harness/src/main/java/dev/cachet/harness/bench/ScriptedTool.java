package dev.cachet.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import java.util.Random;

/**
 * A tool with a real schema that answers without doing anything: its output depends only on its name and
 * arguments, so a benchmark's sessions come out the same on every run and whichever way the tool is called.
 */
record ScriptedTool(ToolSpec spec, int outputChars) implements Tool {
    @Override
    public ToolOutput execute(JsonNode args, ToolContext context) {
        String call = name() + " " + args;
        return ToolOutput.ok(call + "\n" + SyntheticSession.text(new Random(call.hashCode()), outputChars));
    }
}
