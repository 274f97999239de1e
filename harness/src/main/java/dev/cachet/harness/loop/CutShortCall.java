package dev.cachet.harness.loop;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;

/**
 * What the model is told about a call of a resumed session that is not run again: one that may have changed
 * something and was running when the session died or was stopped, or one the loop refused to run.
 */
final class CutShortCall {
    private CutShortCall() {}

    /** @param gitStatus the workspace's {@code git status} now, or why there is none */
    static ToolResult interrupted(ToolCall call, String gitStatus) {
        return new ToolResult(call.id(), call.name(), "interrupted: the session stopped while this call was running, "
                + "and was resumed later. It may or may not have completed, so it was not run again; check its "
                + "effects before relying on them. The workspace's git status now:\n" + gitStatus, true);
    }

    static ToolResult refused(ToolCall call) {
        return new ToolResult(call.id(), call.name(), "not run: these were the same tool calls as in the turns "
                + "before, and cachet stopped the session instead of running them again; try something else", true);
    }

    /** A call of a turn the user stopped (Ctrl-C in a chat) before it ran, or while it ran. */
    static ToolResult stoppedByUser(ToolCall call, boolean mayHaveChanged, String gitStatus) {
        return new ToolResult(call.id(), call.name(), "stopped: the user stopped the turn before this call ended"
                + (mayHaveChanged ? "; it may or may not have run, so check its effects. The workspace's git status now:\n"
                        + gitStatus : "."), true);
    }

    /** A call in the plan turn, which was for writing the plan only. */
    static ToolResult planOnly(ToolCall call) {
        return new ToolResult(call.id(), call.name(), "not run: this turn is for writing the plan only", true);
    }
}
