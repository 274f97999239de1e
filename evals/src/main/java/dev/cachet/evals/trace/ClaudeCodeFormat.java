package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code session logs ({@code ~/.claude/projects/<project>/<session>.jsonl}, and subagent transcripts): one JSON
 * object per line, discriminated by {@code type}. Only {@code user} and {@code assistant} lines are model context;
 * progress, system, file-history-snapshot, queue-operation and summary lines are UI and bookkeeping.
 */
public final class ClaudeCodeFormat implements TraceFormat {
    private static final Set<String> LINE_TYPES = Set.of(
            "user", "assistant", "progress", "system", "file-history-snapshot", "summary", "queue-operation");
    /** Fields only Claude Code's lines carry: the envelope's, a snapshot's and a summary's. */
    private static final List<String> MARKERS = List.of("sessionId", "parentUuid", "messageId", "leafUuid");

    @Override
    public String label() {
        return "claude-code";
    }

    @Override
    public String expected() {
        return "Claude Code session JSONL: one object per line with \"type\" (user, assistant, progress, system, …)"
                + " and \"sessionId\"";
    }

    @Override
    public boolean recognises(Path file, String head) {
        JsonHead first = JsonHead.of(head);
        return !first.list() && LINE_TYPES.contains(first.text("type")) && MARKERS.stream().anyMatch(first::has);
    }

    @Override
    public List<Trajectory> read(Path file) {
        return List.of(new Session(file).read());
    }

    /** The reading of one file. */
    private final class Session {
        private final Path file;
        private final TurnBuilder turns = new TurnBuilder();
        /** API responses by message.id: Claude Code writes each content block of a response on a line of its own. */
        private final Map<String, TurnBuilder.Turn> responses = new HashMap<>();
        private Boolean sidechain;
        private String task;
        private Optional<String> model = Optional.empty();
        private Optional<Duration> cacheTtl = Optional.empty();

        Session(Path file) {
            this.file = file;
        }

        Trajectory read() {
            for (JsonFiles.Line line : JsonFiles.lines(file)) {
                String type = JsonFiles.requiredText(file, line, "type");
                if ((type.equals("user") || type.equals("assistant")) && inThisContext(line)) {
                    if (type.equals("user")) {
                        user(line);
                    } else {
                        assistant(line);
                    }
                }
            }
            if (turns.isEmpty()) {
                throw new TraceFormatException(file + ": no assistant lines; expected " + expected());
            }
            String id = file.getFileName().toString();
            // Claude Code does not log its system prompt or its tool schemas.
            return new Trajectory(id, label(), model, "", task, List.of(), turns.build(), cacheTtl);
        }

        /**
         * Whether a line is on the same side of the sidechain split as the file's first message: a main session may
         * log its subagents' messages as sidechain lines, which are another context; a subagent's own transcript is
         * all sidechain.
         */
        private boolean inThisContext(JsonFiles.Line line) {
            boolean side = line.json().path("isSidechain").asBoolean(false);
            if (sidechain == null) {
                sidechain = side;
            }
            return side == sidechain;
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

        /** One content block of an API response; the lines of a response share message.id and repeat its usage. */
        private void assistant(JsonFiles.Line line) {
            String messageId = JsonFiles.requiredText(file, line, "message.id");
            TurnBuilder.Turn response = responses.computeIfAbsent(
                    messageId, id -> turns.open(JsonFiles.instant(file, line, "timestamp")));
            if (model.isEmpty()) {
                model = Optional.ofNullable(line.json().path("message").path("model").textValue());
            }
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
            // output_tokens grows while the response streams, so the last line's count is the final one; the input
            // and cache counts are the same on every line.
            JsonNode usage = JsonFiles.required(file, line, "message.usage");
            if (usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong() > 0) {
                cacheTtl = Optional.of(Duration.ofHours(1));
            }
            response.usage(Usages.anthropic(
                    JsonFiles.required(file, line, "message.usage.input_tokens").asLong(),
                    usage.path("cache_creation_input_tokens").asLong(),
                    usage.path("cache_read_input_tokens").asLong(),
                    JsonFiles.required(file, line, "message.usage.output_tokens").asLong()));
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
}
