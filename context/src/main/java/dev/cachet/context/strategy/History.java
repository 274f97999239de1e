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
public final class History {
    private final List<Message> messages;
    private final List<Integer> turnStarts = new ArrayList<>();
    private final List<Integer> observations = new ArrayList<>();
    private final Map<Integer, ToolCall> callAt = new HashMap<>();

    public History(List<Message> messages) {
        this.messages = messages;
        List<ToolCall> turnCalls = List.of();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message instanceof AssistantTurn turn) {
                turnStarts.add(i);
                turnCalls = turn.toolCalls();
            } else if (message instanceof ToolResult result) {
                observations.add(i);
                // Providers may reuse ids across turns: a result answers a call of the turn just before it.
                for (ToolCall call : turnCalls) {
                    if (call.id().equals(result.callId())) {
                        callAt.put(i, call);
                        break;
                    }
                }
            }
        }
    }

    public List<Message> messages() {
        return messages;
    }

    public int turns() {
        return turnStarts.size();
    }

    /** Where the last {@code count} turns begin: the start of the first turn when there are fewer, the end for 0. */
    public int startOfLastTurns(int count) {
        if (count <= 0) {
            return messages.size();
        }
        return count >= turnStarts.size() ? firstTurnStart() : turnStarts.get(turnStarts.size() - count);
    }

    public int firstTurnStart() {
        return turnStarts.isEmpty() ? messages.size() : turnStarts.get(0);
    }

    /** Positions of the tool results, oldest first. */
    public List<Integer> observations() {
        return observations;
    }

    /** The call that produced the result at this position; a stand-in call when the history does not hold it. */
    public ToolCall callAt(int position) {
        ToolCall call = callAt.get(position);
        if (call != null) {
            return call;
        }
        ToolResult result = (ToolResult) messages.get(position);
        return new ToolCall(result.callId(), result.toolName(), "{}");
    }
}
