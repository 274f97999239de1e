package dev.cachet.evals.replay;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.List;

/** The text of a message as the model reads it, tool calls included, for finding names in it. */
final class MessageText {
    private MessageText() {}

    static boolean contains(Message message, String needle) {
        if (message instanceof AssistantTurn turn) {
            // Asked for every name in every window: no list of the texts is made for it.
            for (ToolCall call : turn.toolCalls()) {
                if (call.arguments().contains(needle)) {
                    return true;
                }
            }
            return turn.text().contains(needle);
        }
        return texts(message).get(0).contains(needle);
    }

    /** The texts of a message a name may be found in: an assistant turn's words and each call's arguments. */
    static List<String> texts(Message message) {
        if (message instanceof SystemText system) {
            return List.of(system.text());
        }
        if (message instanceof UserText user) {
            return List.of(user.text());
        }
        if (message instanceof ToolResult result) {
            return List.of(result.content());
        }
        AssistantTurn turn = (AssistantTurn) message;
        List<String> texts = new ArrayList<>(1 + turn.toolCalls().size());
        texts.add(turn.text());
        for (ToolCall call : turn.toolCalls()) {
            texts.add(call.arguments());
        }
        return texts;
    }
}
