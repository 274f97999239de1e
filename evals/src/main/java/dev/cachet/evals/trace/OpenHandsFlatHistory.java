package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.message.ToolCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the history of the older OpenHands resolver's output: a flat list of action and observation dicts without
 * ids, sources or tool-call metadata ({@code {"command": ..., "thought": ..., "action": "run"}}, then
 * {@code {"content": ..., "exit_code": 0, "observation": "run"}}). The first message is the task; each later action
 * is one LLM call (CodeAct answers with one action per call), named after the action, and the observation after it
 * answers it. The resolver kept only a cost per call, so usage is unknown.
 */
final class OpenHandsFlatHistory {
    /** Fields of an action dict that are bookkeeping, not the action's arguments. */
    private static final Set<String> NOT_ARGUMENTS =
            Set.of("action", "thought", "action_risk", "is_confirmed", "keep_prompt", "security_risk", "wait_for_response");

    private OpenHandsFlatHistory() {}

    /** Whether a history is flat: its events carry no {@code source}, as every event of later versions does. */
    static boolean isFlat(JsonNode history) {
        return history.size() > 0 && history.get(0).isObject() && !history.get(0).has("source");
    }

    /** @param where names the history in errors: the file and its line */
    static Trajectory read(String id, String where, JsonNode history, Optional<String> model) {
        TurnBuilder turns = new TurnBuilder();
        String task = null;
        String lastCall = null;
        for (int i = 0; i < history.size(); i++) {
            JsonNode event = history.get(i);
            if (event.path("action").isTextual()) {
                String kind = event.get("action").asText();
                String content = event.path("content").asText("");
                if (kind.equals("message") && task == null) {
                    task = content;
                } else if (kind.equals("message")) {
                    turns.open(Optional.empty()).text(content).model(model);
                } else {
                    lastCall = "call-" + i;
                    turns.open(Optional.empty()).text(event.path("thought").asText("")).model(model)
                            .call(new ToolCall(lastCall, kind, arguments(event).toString()));
                }
            } else if (event.path("observation").isTextual()) {
                if (lastCall != null) {
                    JsonNode exitCode = event.path("exit_code");
                    boolean failed = event.get("observation").asText().equals("error")
                            || (exitCode.isNumber() && exitCode.asInt() != 0);
                    turns.result(lastCall, event.path("content").asText(""), failed);
                }
            } else {
                throw new TraceFormatException(where + ": history #" + i + ": expected an object with \"action\" or"
                        + " \"observation\"");
            }
        }
        return new Trajectory(id, OpenHandsFormat.LABEL, model, "", task, List.of(), turns.build());
    }

    private static ObjectNode arguments(JsonNode event) {
        ObjectNode arguments = ((ObjectNode) event).deepCopy();
        arguments.remove(NOT_ARGUMENTS);
        return arguments;
    }
}
