package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.providers.Usage;
import dev.cachet.tools.ToolBox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * cachet's own session log (JSONL, one event per line, named by {@code type}). Read as a JSON tree because the
 * event classes live in the harness, which this module cannot depend on.
 */
public final class CachetLogFormat implements TraceFormat {
    /** The names of the harness's {@code SessionEvent}s. */
    private static final Set<String> EVENTS = Set.of("session_start", "window", "compaction", "summary_response",
            "cache_prediction", "model_response", "tool_call", "tool_result", "state_update", "stop");

    @Override
    public String label() {
        return "cachet";
    }

    @Override
    public String expected() {
        return "a cachet session log (JSONL of events with a \"type\" such as \"session_start\" or \"model_response\")";
    }

    @Override
    public boolean recognises(Path file, String head) {
        JsonHead first = JsonHead.of(head);
        return !first.list() && EVENTS.contains(first.text("type"));
    }

    @Override
    public List<Trajectory> read(Path file) {
        JsonNode start = MissingNode.getInstance();
        TurnBuilder turns = new TurnBuilder();
        for (JsonFiles.Line line : JsonFiles.lines(file)) {
            String where = file + ":" + line.number();
            JsonNode event = line.json();
            switch (event.path("type").asText()) {
                case "session_start" -> start = event;
                case "model_response" -> turn(turns, where, event);
                case "tool_result" -> {
                    if (turns.isEmpty()) {
                        throw new TraceFormatException(where + ": tool_result before any model_response");
                    }
                    ToolResult result = message(where, event, "result", ToolResult.class, "tool");
                    turns.result(result.callId(), result.content(), result.error());
                }
                case "" -> throw new TraceFormatException(where + ": expected a \"type\" naming the event");
                // Windows, compactions, task state and the rest record how cachet ran, not what the model did.
                default -> { }
            }
        }
        if (turns.isEmpty()) {
            throw new TraceFormatException(file + ": no \"model_response\" events; expected " + expected());
        }
        JsonNode model = start.path("model");
        return List.of(new Trajectory(file.getFileName().toString(), label(),
                model.isTextual() ? Optional.of(model.asText()) : Optional.empty(),
                start.path("system_prompt").asText(""), start.path("task").asText(""), tools(file, start.path("tools")),
                turns.build()));
    }

    private static void turn(TurnBuilder turns, String where, JsonNode event) {
        AssistantTurn answer = message(where, event, "message", AssistantTurn.class, "assistant");
        // The line is written when the response has arrived; the call was made latency_ms before.
        Optional<Instant> at = Timestamps.instant(event.path("time").asText(""))
                .map(time -> time.minusMillis(event.path("latency_ms").asLong()));
        TurnBuilder.Turn turn = turns.open(at).text(answer.text());
        usage(where, event.path("usage")).ifPresent(turn::usage);
        answer.toolCalls().forEach(turn::call);
    }

    /** The message in {@code field}, which must have the given role. */
    private static <T extends Message> T message(String where, JsonNode event, String field, Class<T> kind, String role) {
        try {
            Message message = Json.mapper().treeToValue(event.path(field), Message.class);
            if (kind.isInstance(message)) {
                return kind.cast(message);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed(where, field, e);
        }
        throw new TraceFormatException(where + ": expected \"" + field + "\", a message with role \"" + role + "\"");
    }

    private static Optional<Usage> usage(String where, JsonNode usage) {
        if (usage.isMissingNode() || usage.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().treeToValue(usage, Usage.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed(where, "usage", e);
        }
    }

    private static TraceFormatException malformed(String where, String field, Exception e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new TraceFormatException(where + ": malformed \"" + field + "\": " + reason);
    }

    /**
     * Logs record each tool's schema. Older ones named the tools only, when the harness always offered the core tool
     * box, so those names get this build's schemas; a name outside it leaves the schemas unknown, since a partial
     * list would under-count the tools' tokens.
     */
    private static List<ToolSpec> tools(Path file, JsonNode tools) {
        Map<String, ToolSpec> core = ToolBox.core().specs().stream()
                .collect(Collectors.toMap(ToolSpec::name, Function.identity()));
        List<ToolSpec> specs = new ArrayList<>();
        for (JsonNode tool : tools) {
            ToolSpec spec;
            try {
                spec = tool.isObject() ? Json.mapper().convertValue(tool, ToolSpec.class) : core.get(tool.asText());
            } catch (IllegalArgumentException e) {
                throw malformed(file + ": session_start", "tools", e);
            }
            if (spec == null) {
                return List.of();
            }
            specs.add(spec);
        }
        return specs;
    }
}
