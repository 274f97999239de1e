package dev.cachet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;

/** Something the model can call. */
public interface Tool {
    ToolSpec spec();

    default String name() {
        return spec().name();
    }

    /** What a call may change; a tool that does not say may change anything. */
    default ToolEffect effect() {
        return ToolEffect.PROCESSES;
    }

    /**
     * Whether a stop may cut a call short: one that runs processes, or a read that can run long (a grep whose pattern
     * backtracks); never a file write, nor a call that only changes the session's own state, whose finished result a
     * stop that came as it returned would throw away.
     */
    default boolean stoppable() {
        return effect() == ToolEffect.PROCESSES;
    }

    /**
     * @throws ToolException for anything the model should read as an error and can fix: bad arguments, a path
     *     outside the workspace, an edit that does not match
     */
    ToolOutput execute(JsonNode args, ToolContext context) throws ToolException;
}
