package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI Codex CLI rollouts ({@code ~/.codex/sessions/…/rollout-*.jsonl}): one {@code {timestamp, type, payload}} per
 * line. The model context is rebuilt from the {@code response_item} lines; each {@code token_count} event closes one
 * model call with what it billed.
 * <ul>
 *   <li>Each token_count that is no repeat closes a call with what it billed, and names it ({@link CodexReports}).</li>
 *   <li>A rollout without any token_count that bills (Codex Desktop writes some; others report only rate limits)
 *       still has its calls: each starts with the model's first output after new input (a tool's output, a
 *       message), and its usage is unknown.</li>
 *   <li>A forked rollout, and a sub-agent's ({@link CodexLineage}), opens with its parent's history copied in, token
 *       counts and all: those lines are the parent's calls, billed in the parent's rollout, and are skipped here. A
 *       sub-agent's calls belong to its parent's session.</li>
 * </ul>
 */
public final class CodexFormat implements TraceFormat {
    static final String LABEL = "codex";
    private static final Set<String> LINE_TYPES =
            Set.of("session_meta", "response_item", "event_msg", "turn_context", "compacted");

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String expected() {
        return "Codex CLI rollout JSONL: one {\"timestamp\", \"type\", \"payload\"} object per line, starting with"
                + " session_meta";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        JsonHead first = head.json();
        return !first.list() && LINE_TYPES.contains(first.text("type")) && first.has("payload") && first.has("timestamp");
    }

    @Override
    public List<Trajectory> read(Path file) {
        return List.of(new Rollout(file).read());
    }

    /**
     * What the user first typed, from the user_message event that follows its message item. Codex also sends
     * user-role items the user did not type (AGENTS.md, the environment context), which the event tells apart.
     */
    private static Optional<String> firstPrompt(List<JsonFiles.Line> lines) {
        return lines.stream()
                .map(JsonFiles.Line::json)
                .filter(json -> json.path("type").asText().equals("event_msg")
                        && json.path("payload").path("type").asText().equals("user_message"))
                .map(json -> json.path("payload").path("message").asText())
                .findFirst();
    }

    /** The reading of one file. */
    private final class Rollout {
        private final Path file;
        private final List<JsonFiles.Line> lines;
        private final Optional<String> prompt;
        private final TurnBuilder turns;
        private final CodexLineage lineage;
        /** Whether the rollout has token counts: without them, new input closes a call. */
        private final boolean counted;
        private String systemPrompt;
        private Optional<String> model;
        /** The model the latest turn_context names: a session can switch models between turns. */
        private Optional<String> currentModel;
        private String task;
        /** The model call whose output is being read, until its token_count. */
        private TurnBuilder.Turn current;
        private final CodexReports reports = new CodexReports();

        Rollout(Path file) {
            this.file = file;
            this.lines = JsonFiles.lines(file);
            this.lineage = CodexLineage.of(file, lines);
            List<JsonFiles.Line> own = lines.subList(lineage.copied(), lines.size());
            this.prompt = firstPrompt(own);
            this.counted = own.stream().map(line -> line.json().path("payload"))
                    .anyMatch(payload -> payload.path("type").asText().equals("token_count") && bills(payload));
            this.turns = new TurnBuilder(lineage.agent());
            this.systemPrompt = lineage.baseInstructions();
            this.currentModel = lineage.model();
            this.model = lineage.model();
        }

        Trajectory read() {
            for (JsonFiles.Line line : lines.subList(lineage.copied(), lines.size())) {
                String type = JsonFiles.requiredText(file, line, "type");
                JsonNode payload = JsonFiles.required(file, line, "payload");
                switch (type) {
                    case "turn_context" -> {
                        currentModel = Optional.ofNullable(payload.path("model").textValue()).or(() -> currentModel);
                        model = model.or(() -> currentModel);
                    }
                    case "response_item" -> item(line);
                    case "event_msg" -> {
                        if (payload.path("type").asText().equals("token_count")) {
                            tokenCount(line, payload);
                        }
                    }
                    case "compacted" -> compacted(payload);
                    default -> {
                        // Other lines (future kinds) do not change the context as rebuilt here.
                    }
                }
            }
            // Output after the last token_count, from a call cut off before it was billed, stays a turn without usage.
            if (turns.isEmpty()) {
                throw new NoCallsException(file + ": no model calls; expected " + expected());
            }
            String id = file.getFileName().toString();
            // The rollout does not log the built-in tools' schemas.
            return new Trajectory(id, label(), model, systemPrompt, task, List.of(), turns.build(), Optional.empty(),
                    lineage.session().orElse(id), List.of());
        }

        private void item(JsonFiles.Line line) {
            switch (JsonFiles.requiredText(file, line, "payload.type")) {
                case "message" -> message(line);
                // Reasoning is not kept, but it is the first output of a call.
                case "reasoning" -> current(line);
                case "function_call" -> current(line).call(new ToolCall(
                        JsonFiles.requiredText(file, line, "payload.call_id"),
                        JsonFiles.requiredText(file, line, "payload.name"),
                        JsonFiles.requiredText(file, line, "payload.arguments")));
                case "custom_tool_call" -> current(line).call(new ToolCall(
                        JsonFiles.requiredText(file, line, "payload.call_id"),
                        JsonFiles.requiredText(file, line, "payload.name"),
                        Json.mapper().createObjectNode()
                                .put("input", JsonFiles.requiredText(file, line, "payload.input"))
                                .toString()));
                // A search the provider ran within the call: it has no call id and no output item.
                case "web_search_call" -> current(line).call(new ToolCall(
                        "web_search:" + line.number(),
                        "web_search",
                        JsonFiles.required(file, line, "payload.action").toString()));
                case "function_call_output", "custom_tool_call_output" -> {
                    newInput();
                    turns.result(
                            JsonFiles.requiredText(file, line, "payload.call_id"),
                            JsonFiles.requiredText(file, line, "payload.output"),
                            false);
                }
                default -> {
                    // Other items are not part of what a turn records.
                }
            }
        }

        /**
         * The assistant's text belongs to the current call. Developer messages are the harness's instructions, sent
         * as messages rather than as the system prompt, so they are user input here like the user's own; a message
         * without text adds none.
         */
        private void message(JsonFiles.Line line) {
            String role = JsonFiles.requiredText(file, line, "payload.role");
            String text = Blocks.text(JsonFiles.required(file, line, "payload.content"));
            if (role.equals("assistant")) {
                current(line).text(text);
                return;
            }
            newInput();
            if (task == null && prompt.equals(Optional.of(text))) {
                task = text;
            } else if (!text.isEmpty()) {
                turns.user(text);
            }
        }

        /**
         * Closes the current call with its usage and id ({@link CodexReports}). A token_count that does not bill
         * ({@link #bills}) is no call, nor is one that repeats an earlier report.
         */
        private void tokenCount(JsonFiles.Line line, JsonNode payload) {
            if (!bills(payload)) {
                return;
            }
            JsonNode total = payload.path("info").path("total_token_usage");
            if (!reports.next(total)) {
                return;
            }
            JsonNode last = payload.path("info").path("last_token_usage");
            Usage usage = last.isMissingNode() || last.isNull()
                    ? reports.growth().orElseThrow(() -> new TraceFormatException(file + ":" + line.number()
                            + ": payload.info has no last_token_usage, and its total_token_usage no whole"
                            + " input_tokens and output_tokens to bill the call from"))
                    : Usages.openAi(
                            JsonFiles.requiredTokenCount(file, line, "payload.info.last_token_usage.input_tokens"),
                            JsonFiles.tokenCount(file, line, "payload.info.last_token_usage.cached_input_tokens"),
                            JsonFiles.requiredTokenCount(file, line, "payload.info.last_token_usage.output_tokens"),
                            JsonFiles.tokenCount(file, line, "payload.info.last_token_usage.reasoning_output_tokens"));
            TurnBuilder.Turn turn = current(line).usage(usage);
            CodexReports.id(JsonFiles.instant(file, line, "timestamp"), total).ifPresent(turn::callId);
            current = null;
        }

        /**
         * Codex compacted its context: the next call starts anew from what the compaction kept. A newer Codex records
         * that history whole ({@code replacement_history}), of which the messages and tool outputs are read (an
         * encrypted summary cannot be); an older one the summary alone ({@code message}).
         */
        private void compacted(JsonNode payload) {
            newInput();
            JsonNode history = payload.path("replacement_history");
            List<String> kept = new ArrayList<>();
            if (history.isArray()) {
                for (JsonNode item : history) {
                    String text = item.path("type").asText().equals("message") ? Blocks.text(item.path("content"))
                            : item.path("output").isTextual() ? item.path("output").textValue() : "";
                    if (!text.isEmpty()) {
                        kept.add(text);
                    }
                }
            } else if (!payload.path("message").asText("").isEmpty()) {
                kept.add(payload.path("message").asText());
            }
            turns.restartContext(kept);
        }

        /**
         * Input for the model ends the call whose output came before it, where no token_count does: the output
         * after it is the next call's.
         */
        private void newInput() {
            if (!counted) {
                current = null;
            }
        }

        /**
         * Whether a token_count bills a call: one without info reports rate limits alone, and one whose info has no
         * running total ({@code {}}, a null total) says no more.
         */
        private static boolean bills(JsonNode tokenCount) {
            JsonNode total = tokenCount.path("info").path("total_token_usage");
            return !total.isNull() && !total.isMissingNode();
        }

        /** The current call's turn, opened by its first output (or by its token_count, if it logged none). */
        private TurnBuilder.Turn current(JsonFiles.Line line) {
            if (current == null) {
                current = turns.open(JsonFiles.instant(file, line, "timestamp")).model(currentModel);
            }
            return current;
        }
    }
}
