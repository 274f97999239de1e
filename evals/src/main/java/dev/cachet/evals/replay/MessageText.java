package dev.cachet.evals.replay;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;

/** The text of a message as the model reads it, tool calls included, for finding names in it. */
final class MessageText {
    private MessageText() {}

    static boolean contains(Message message, String needle) {
        if (message instanceof SystemText system) {
            return system.text().contains(needle);
        }
        if (message instanceof UserText user) {
            return user.text().contains(needle);
        }
        if (message instanceof ToolResult result) {
            return result.content().contains(needle);
        }
        AssistantTurn turn = (AssistantTurn) message;
        if (turn.text().contains(needle)) {
            return true;
        }
        for (ToolCall call : turn.toolCalls()) {
            if (call.arguments().contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
