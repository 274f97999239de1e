package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lines of one Claude Code context, the main session's or one sub-agent's, into a trajectory. The lines of
 * one API response (one per content block) share message id, request id and input counts: they are one turn
 * ({@link ClaudeCodeFormat#responseId}).
 */
final class ClaudeCodeContext {
    /** The model Claude Code names on notices it writes itself (rate limits, API errors): no model call. */
    private static final String SYNTHETIC = "<synthetic>";

    private final Path file;
    private final String expected;
    private final TurnBuilder turns;
    private final Map<String, TurnBuilder.Turn> responses = new HashMap<>();
    /** Each message id's last response key: a line cut off before its usage belongs to that response. */
    private final Map<String, String> lastKeyOf = new HashMap<>();
    private String task;
    private Optional<String> model = Optional.empty();
    private Optional<CacheLifetime> cacheTtl = Optional.empty();

    /**
     * @param expected what a Claude Code log looks like, for the error when this context has no model call
     * @param agent    whose context this is, as {@link TrajectoryTurn#agent()}
     */
    ClaudeCodeContext(Path file, String expected, String agent) {
        this.file = file;
        this.expected = expected;
        this.turns = new TurnBuilder(agent);
    }

    /**
     * @param id      the trajectory's id
     * @param session the session it belongs to
     */
    Trajectory read(List<JsonFiles.Line> lines, String id, String session) {
        for (JsonFiles.Line line : lines) {
            if (JsonFiles.requiredText(file, line, "type").equals("user")) {
                user(line);
            } else {
                assistant(line);
            }
        }
        if (turns.isEmpty()) {
            throw new NoCallsException(file + ": no assistant lines; expected " + expected);
        }
        // Claude Code does not log its system prompt or its tool schemas.
        return new Trajectory(id, ClaudeCodeFormat.LABEL, model, "", task, List.of(), turns.build(), cacheTtl, session,
                List.of());
    }

    /**
     * User text, tool results, or both. Text marked isMeta (a skill's body, a caveat about local commands) is
     * sent to the model but not typed by the user, so it never becomes the task. A compact summary
     * (isCompactSummary, after a compact_boundary system line) is where the context restarted: the model sees
     * only the summary from there on, and it reaches the next turn as user input like any other.
     */
    private void user(JsonFiles.Line line) {
        JsonNode content = content(line);
        String text = Blocks.text(content);
        if (line.json().path("isCompactSummary").asBoolean(false)) {
            turns.restartContext();
        }
        // A line of tool results alone has no text: it is no user input.
        if (!text.isEmpty()) {
            if (task == null && !line.json().path("isMeta").asBoolean(false)) {
                task = text;
            } else {
                turns.user(text);
            }
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            if (block.path("type").asText().equals("tool_result")) {
                String callId = JsonFiles.requiredText(file, line, "message.content." + i + ".tool_use_id");
                turns.result(callId, Blocks.text(block.path("content")), block.path("is_error").asBoolean(false));
            }
        }
    }

    /** One content block of an API response. */
    private void assistant(JsonFiles.Line line) {
        String messageId = JsonFiles.requiredText(file, line, "message.id");
        Optional<String> named = Optional.ofNullable(line.json().path("message").path("model").textValue());
        if (named.equals(Optional.of(SYNTHETIC))) {
            return;
        }
        JsonNode billed = line.json().path("message").path("usage");
        Optional<String> answeredBy = named.map(model -> ClaudeCodeFormat.servedAs(model,
                billed.path("speed").textValue(), billed.path("inference_geo").textValue()));
        // A response written without its usage (cut off before it was billed) is a call whose bill is not known,
        // unless an earlier line of its message carried the usage; without a request id, the key holds the input
        // counts, which such a line lacks.
        Optional<Usage> usage = billed.isMissingNode() || billed.isNull() ? Optional.empty() : Optional.of(usage(line));
        String requestId = line.json().path("requestId").asText("");
        String key = usage.isEmpty() && requestId.isEmpty() && lastKeyOf.containsKey(messageId)
                ? lastKeyOf.get(messageId)
                : ClaudeCodeFormat.responseId(messageId, requestId, usage.orElse(Usage.ZERO));
        lastKeyOf.put(messageId, key);
        TurnBuilder.Turn response = responses.computeIfAbsent(key, k -> {
            Optional<Instant> at = JsonFiles.instant(file, line, "timestamp");
            return turns.open(at).callId(ClaudeCodeFormat.callId(k, requestId, at));
        });
        response.model(answeredBy);
        model = model.or(() -> answeredBy);
        JsonNode content = content(line);
        response.text(Blocks.text(content));
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).path("type").asText().equals("tool_use")) {
                String at = "message.content." + i;
                response.call(new ToolCall(
                        JsonFiles.requiredText(file, line, at + ".id"),
                        JsonFiles.requiredText(file, line, at + ".name"),
                        JsonFiles.required(file, line, at + ".input").toString()));
            }
        }
        usage.ifPresent(response::usage);
    }

    /**
     * What the response billed. output_tokens grows while the response streams, so the last line's count is the
     * final one; the input and cache counts are the same on every line. cache_creation splits the writes into
     * 5-minute and 1-hour ones, which Anthropic bills at different rates.
     */
    private Usage usage(JsonFiles.Line line) {
        JsonFiles.required(file, line, "message.usage");
        long written = JsonFiles.tokenCount(file, line, "message.usage.cache_creation_input_tokens");
        long hourLong = Math.min(written,
                JsonFiles.tokenCount(file, line, "message.usage.cache_creation.ephemeral_1h_input_tokens"));
        if (hourLong > 0) {
            cacheTtl = Optional.of(CacheLifetime.ONE_HOUR);
        }
        return new Usage(
                JsonFiles.requiredTokenCount(file, line, "message.usage.input_tokens"),
                written,
                JsonFiles.tokenCount(file, line, "message.usage.cache_read_input_tokens"),
                JsonFiles.requiredTokenCount(file, line, "message.usage.output_tokens"),
                0,
                hourLong);
    }

    /** A message's content: a string or a list of blocks. */
    private JsonNode content(JsonFiles.Line line) {
        JsonNode content = JsonFiles.required(file, line, "message.content");
        if (!content.isTextual() && !content.isArray()) {
            throw new TraceFormatException(
                    file + ":" + line.number() + ": field message.content is neither a string nor a list");
        }
        return content;
    }
}
