package dev.cachet.context.strategy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An index over a session's history: where each turn starts (an assistant message and the tool results after it),
 * which call produced each observation, and where the observations are.
 */
final class History {
    private final List<Message> messages;
    private final List<Integer> turnStarts = new ArrayList<>();
    private final List<Integer> observations = new ArrayList<>();
    private final Map<String, ToolCall> calls = new HashMap<>();

    History(List<Message> messages) {
        this.messages = messages;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message instanceof AssistantTurn turn) {
                turnStarts.add(i);
                turn.toolCalls().forEach(c -> calls.put(c.id(), c));
            } else if (message instanceof ToolResult) {
                observations.add(i);
            }
        }
    }

    List<Message> messages() {
        return messages;
    }

    int turns() {
        return turnStarts.size();
    }

    /** Where the last {@code count} turns begin; the start of the history when there are fewer. */
    int startOfLastTurns(int count) {
        return count >= turnStarts.size() ? firstTurnStart() : turnStarts.get(turnStarts.size() - count);
    }

    int firstTurnStart() {
        return turnStarts.isEmpty() ? messages.size() : turnStarts.get(0);
    }

    /** Positions of the tool results, oldest first. */
    List<Integer> observations() {
        return observations;
    }

    /** The call that produced a result; a placeholder call when the history does not hold it. */
    ToolCall callOf(ToolResult result) {
        return calls.getOrDefault(result.callId(), new ToolCall(result.callId(), result.toolName(), "{}"));
    }
}
