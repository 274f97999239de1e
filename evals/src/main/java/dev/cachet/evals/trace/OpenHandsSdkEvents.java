package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OpenHands V1 (software-agent-sdk) event list into a trajectory. Events are discriminated by {@code kind}:
 * an LLM response is the {@code ActionEvent}s that share its {@code llm_response_id} (one per tool call) or an agent
 * {@code MessageEvent}; an {@code ObservationEvent}, {@code AgentErrorEvent} or {@code UserRejectObservation}
 * answers the call its {@code tool_call_id} names. The SDK keeps usage in the conversation's metrics, not in the
 * events, so the turns' usage is unknown.
 */
final class OpenHandsSdkEvents {
    private final String where;
    private final TurnBuilder turns = new TurnBuilder();
    private String systemPrompt = "";
    private String task;
    private TurnBuilder.Turn current;
    private String responseId = "";

    private OpenHandsSdkEvents(String where) {
        this.where = where;
    }

    /** Whether {@code kind} names an SDK event, as the V1 event list's every element has one. */
    static boolean isEventKind(String kind) {
        return kind.endsWith("Event") || kind.endsWith("Observation") || kind.equals("Condensation")
                || kind.equals("CondensationRequest");
    }

    /** @param where names the list in errors: the file, and the line for one event per line */
    static Trajectory read(String id, String where, List<JsonNode> events) {
        OpenHandsSdkEvents stream = new OpenHandsSdkEvents(where);
        for (int i = 0; i < events.size(); i++) {
            stream.event(i, events.get(i));
        }
        return new Trajectory(id, OpenHandsFormat.LABEL, Optional.empty(), stream.systemPrompt, stream.task, List.of(),
                stream.turns.build());
    }

    private void event(int index, JsonNode event) {
        String kind = event.path("kind").asText("");
        if (!isEventKind(kind)) {
            throw new TraceFormatException(where + ": event #" + index + ": expected an object whose \"kind\" names an"
                    + " OpenHands SDK event (such as ActionEvent), found " + (kind.isEmpty() ? "none" : kind));
        }
        switch (kind) {
            case "SystemPromptEvent" -> systemPrompt = text(event.path("system_prompt"));
            case "MessageEvent" -> message(event);
            case "ActionEvent" -> action(index, event);
            case "ObservationEvent" -> answer(index, event, text(event.path("observation").path("content")),
                    event.path("observation").path("is_error").asBoolean(false));
            case "AgentErrorEvent" -> answer(index, event, event.path("error").asText(""), true);
            case "UserRejectObservation" -> answer(index, event, event.path("rejection_reason").asText(""), true);
            default -> {
                // State updates, pauses and condensation bookkeeping are not model context.
            }
        }
    }

    private void message(JsonNode event) {
        String text = text(event.path("llm_message").path("content"));
        if (event.path("source").asText().equals("agent")) {
            current = turns.open(at(event)).text(text);
            responseId = event.path("llm_response_id").asText("");
        } else if (task == null) {
            task = text;
        } else {
            turns.user(text);
        }
    }

    private void action(int index, JsonNode event) {
        String id = event.path("llm_response_id").asText("");
        if (current == null || id.isEmpty() || !id.equals(responseId)) {
            current = turns.open(at(event)).text(text(event.path("thought")));
            responseId = id;
        }
        JsonNode call = event.path("tool_call");
        String callId = required(index, event, "tool_call_id");
        String arguments = call.path("arguments").isTextual() ? call.get("arguments").asText()
                : event.path("action").toString();
        current.call(new ToolCall(callId, required(index, event, "tool_name"), arguments));
    }

    private void answer(int index, JsonNode event, String content, boolean error) {
        turns.result(required(index, event, "tool_call_id"), content, error);
    }

    private String required(int index, JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (!value.isTextual()) {
            throw new TraceFormatException(where + ": event #" + index + " (" + event.path("kind").asText()
                    + "): expected text at " + field);
        }
        return value.asText();
    }

    /** SDK content is a TextContent ({@code {"type": "text", "text": ...}}), a list of them, or a string. */
    private static String text(JsonNode content) {
        return content.isObject() ? content.path("text").asText("") : Blocks.text(content);
    }

    private static Optional<java.time.Instant> at(JsonNode event) {
        return Timestamps.instant(event.path("timestamp").asText(""));
    }
}
