package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;

/** Ends the session: the agent calls it when the task is done. The loop stops after it runs. */
public final class FinishTool extends BuiltinTool {
    public static final String NAME = "finish";

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Call when the task is done or cannot be done.",
            Schema.object().string("summary", "What was done and verified", true).build());

    public FinishTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        return ToolOutput.ok("finished: " + args.string("summary"));
    }
}
