package dev.cachet.harness.loop;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives each tool call of a session an id of its own that a provider takes back. A model's ids are kept where they
 * are such; one that is empty, used before in the session (in this turn or an earlier one), or holds characters
 * outside letters, digits, {@code _} and {@code -} (Anthropic's pattern for tool_use ids) gets one cachet makes. With
 * it, each call gets its own result, a resume tells the calls apart, and no request is refused for ids the model
 * made up, which would refuse every request after it too, resumes included.
 */
final class CallIds {
    private static final Pattern TAKEN_BACK = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private CallIds() {}

    /** @param history the session before {@code turn}, whose calls' ids are taken */
    static AssistantTurn unique(AssistantTurn turn, int number, List<Message> history) {
        Set<String> seen = new HashSet<>();
        for (Message message : history) {
            if (message instanceof AssistantTurn earlier) {
                earlier.toolCalls().forEach(call -> seen.add(call.id()));
            }
        }
        List<ToolCall> calls = new ArrayList<>();
        boolean renamed = false;
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            ToolCall call = turn.toolCalls().get(i);
            String id = call.id();
            if (!TAKEN_BACK.matcher(id).matches() || !seen.add(id)) {
                id = "cachet_" + number + "_" + i;
                while (!seen.add(id)) {
                    id += "_";
                }
                renamed = true;
            }
            calls.add(new ToolCall(id, call.name(), call.arguments()));
        }
        return renamed ? new AssistantTurn(turn.text(), calls) : turn;
    }
}
