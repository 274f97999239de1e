package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one OpenHands event stream into a trajectory. Each LLM response is one turn: the agent actions it produced
 * carry its id in {@code tool_call_metadata.model_response} (one action per tool call), and a reply without tool
 * calls is an agent {@code message} without that metadata. An observation answers the action its {@code cause}
 * names.
 */
final class OpenHandsEvents {
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private final String where;
    private final Map<String, Usage> billed;
    private Optional<String> model;
    private String systemPrompt = "";
    private List<ToolSpec> tools = List.of();
    private String task;
    private final TurnBuilder turns = new TurnBuilder();
    /** The turn of the LLM response being read. */
    private TurnBuilder.Turn current;
    /** Each tool call by the id of the action that carried it, which observations name as their cause. */
    private final Map<Long, ToolCall> byAction = new HashMap<>();
    private String responseId = "";
    /** How far the writer's local clock, in which the events are timed, ran ahead of UTC, where the log tells. */
    private final Optional<Duration> localAhead;

    private OpenHandsEvents(String where, Map<String, Usage> billed, Optional<String> model,
            Optional<Duration> localAhead) {
        this.where = where;
        this.billed = billed;
        this.model = model;
        this.localAhead = localAhead;
    }

    /**
     * @param where   names the stream in errors: the file, and the line for evaluation output
     * @param events  the list of events, already checked to be a list
     * @param billed  usage per LLM response id, where the log keeps it apart from the events
     * @param model   the model as the run's configuration names it; otherwise the first response's is used
     */
    static Trajectory read(String id, String where, JsonNode events, Map<String, Usage> billed, Optional<String> model) {
        OpenHandsEvents stream = new OpenHandsEvents(where, billed, model, localAhead(events));
        for (int i = 0; i < events.size(); i++) {
            stream.event(i, events.get(i));
        }
        return new Trajectory(id, OpenHandsFormat.LABEL, stream.model, stream.systemPrompt, stream.task, stream.tools,
                stream.turns.build());
    }

    private void event(int index, JsonNode event) {
        if (event.path("action").isTextual()) {
            action(event);
        } else if (event.path("observation").isTextual()) {
            observation(event);
        } else {
            throw new TraceFormatException(where + ": event #" + index + ": expected an object with \"action\" or \"observation\"");
        }
    }

    private void action(JsonNode event) {
        String kind = event.get("action").asText();
        JsonNode args = event.path("args");
        JsonNode metadata = event.path("tool_call_metadata");
        if (kind.equals("system")) {
            systemPrompt = args.path("content").asText("");
            tools = toolSpecs(event, args.path("tools"));
        } else if (metadata.isObject()) {
            toolCall(event, metadata);
        } else if (kind.equals("message")) {
            message(event, args.path("content").asText(""));
        }
        // Other actions (recall, agent state changes) come from the runtime, not from the model.
    }

    private void message(JsonNode event, String text) {
        if (event.path("source").asText().equals("agent")) {
            startTurn(text, Optional.empty(), at(event, MissingNode.getInstance()));
            responseId = "";
        } else if (task == null) {
            task = text;
        } else {
            turns.user(text);
        }
    }

    private void toolCall(JsonNode event, JsonNode metadata) {
        JsonNode response = metadata.path("model_response");
        String id = response.path("id").asText("");
        if (current == null || id.isEmpty() || !id.equals(responseId)) {
            String text = response.at("/choices/0/message/content").asText(event.at("/args/thought").asText(""));
            Optional<Usage> usage = usage(id, response.path("usage"));
            startTurn(text, usage, at(event, response));
            // Known by its response over all the logs read, so that a run written twice is billed once; with its
            // counts, lest a gateway that names every response alike merge two calls.
            if (!id.isEmpty()) {
                current.callId("openhands:" + id + usage.map(bill -> ":" + bill.input() + "/" + bill.output()).orElse(""));
            }
            responseId = id;
            if (model.isEmpty() && response.path("model").isTextual()) {
                model = Optional.of(response.get("model").asText());
            }
        }
        String callId = required(event, metadata, "tool_call_metadata", "tool_call_id");
        String name = required(event, metadata, "tool_call_metadata", "function_name");
        ToolCall call = new ToolCall(callId, name, arguments(response, callId, event));
        current.call(call);
        if (event.path("id").isIntegralNumber()) {
            byAction.put(event.get("id").asLong(), call);
        }
    }

    private void observation(JsonNode event) {
        JsonNode cause = event.path("cause");
        ToolCall call = cause.isIntegralNumber() ? byAction.get(cause.asLong()) : null;
        String content = event.path("content").asText("");
        boolean error = event.get("observation").asText().equals("error");
        if (call != null) {
            JsonNode exitCode = event.at("/extras/metadata/exit_code");
            boolean failed = error || !event.path("success").asBoolean(true) || (exitCode.isNumber() && exitCode.asInt() != 0);
            turns.result(call.id(), content, failed);
        } else if (error && !cause.isIntegralNumber()) {
            // An error that answers no action (a tool call OpenHands could not parse) reaches the model as user text.
            turns.user(content);
        }
    }

    private void startTurn(String text, Optional<Usage> usage, Optional<Instant> at) {
        current = turns.open(at).text(text);
        usage.ifPresent(current::usage);
    }

    private Optional<Usage> usage(String responseId, JsonNode usage) {
        return Optional.ofNullable(billed.get(responseId)).or(() ->
                Usages.bills(usage, "prompt_tokens", "completion_tokens") ? Optional.of(Usages.liteLlm(
                        Usages.count(where, usage, "prompt_tokens"),
                        Usages.count(where, usage, "prompt_tokens_details.cached_tokens"),
                        Usages.count(where, usage, "cache_creation_input_tokens"),
                        Usages.count(where, usage, "completion_tokens"),
                        Usages.count(where, usage, "completion_tokens_details.reasoning_tokens")))
                : Optional.empty());
    }

    /**
     * When the LLM call was made: its response's {@code created} epoch second when there is one, since OpenHands'
     * own timestamps are the machine's local time without a zone; else the event's timestamp, read in that zone where
     * the log tells it ({@link #localAhead}).
     */
    private Optional<Instant> at(JsonNode event, JsonNode response) {
        return created(response).or(() -> {
            String timestamp = event.path("timestamp").asText("");
            return Timestamps.instant(timestamp).or(() -> Timestamps.local(timestamp)
                    .flatMap(local -> localAhead.map(ahead -> local.toInstant(ZoneOffset.UTC).minus(ahead))));
        });
    }

    /** A response's {@code created} epoch second; one past any real date is garbage, not a time. */
    private static Optional<Instant> created(JsonNode response) {
        JsonNode created = response.path("created");
        return created.isNumber() && Math.abs(created.asLong()) <= Instant.MAX.getEpochSecond()
                ? Optional.of(Instant.ofEpochSecond(created.asLong())) : Optional.empty();
    }

    /**
     * The writer's offset from UTC, from the events that carry both a response's created time and their own local
     * timestamp: an event is written after its response was created, by the call's latency, so the least difference
     * is nearest the offset, which is a whole number of quarter hours in every time zone (a log whose every call took
     * 7.5 minutes or more would be read a quarter hour off). A reply timed so is timed when its event was written,
     * after its call, where calls with a response are timed when it was created.
     */
    private static Optional<Duration> localAhead(JsonNode events) {
        Duration least = null;
        for (JsonNode event : events) {
            Optional<Instant> created = created(event.path("tool_call_metadata").path("model_response"));
            Optional<LocalDateTime> local = Timestamps.local(event.path("timestamp").asText(""));
            if (created.isPresent() && local.isPresent()) {
                Duration ahead = Duration.between(created.get(), local.get().toInstant(ZoneOffset.UTC));
                if (least == null || ahead.compareTo(least) < 0) {
                    least = ahead;
                }
            }
        }
        return Optional.ofNullable(least).map(ahead -> QUARTER_HOUR.multipliedBy(Math.round(ahead.toSeconds()
                / (double) QUARTER_HOUR.toSeconds())));
    }

    private static String arguments(JsonNode response, String callId, JsonNode event) {
        for (JsonNode call : response.at("/choices/0/message/tool_calls")) {
            if (callId.equals(call.path("id").asText())) {
                return call.at("/function/arguments").asText();
            }
        }
        // Without the model's own call, the arguments OpenHands parsed out of it are the closest record.
        return event.path("args").toString();
    }

    private List<ToolSpec> toolSpecs(JsonNode event, JsonNode tools) {
        List<ToolSpec> specs = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            specs.add(new ToolSpec(
                    required(event, function, "args.tools[].function", "name"),
                    function.path("description").asText(""),
                    parameters.isObject() ? parameters : Json.mapper().createObjectNode()));
        }
        return specs;
    }

    /** A text field of {@code parent}, which is at {@code parentPath} in the event. */
    private String required(JsonNode event, JsonNode parent, String parentPath, String field) {
        JsonNode value = parent.path(field);
        if (!value.isTextual()) {
            throw new TraceFormatException(where + ": \"" + event.path("action").asText() + "\" action with id "
                    + event.path("id").asText("?") + ": expected text at " + parentPath + "." + field);
        }
        return value.asText();
    }
}
