package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenHands (All-Hands-AI): evaluation output, a JSONL file with one run per line (its events in {@code history},
 * its per-call usage in {@code metrics.token_usages}), or a runtime trajectory, a JSON list of events.
 */
public final class OpenHandsFormat implements TraceFormat {
    static final String LABEL = "openhands";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String expected() {
        return "OpenHands evaluation output (JSONL, one {\"instance_id\", \"instruction\", \"history\", \"metrics\"} per"
                + " line) or runtime trajectory (a JSON list of events with \"source\" and \"action\" or \"observation\")";
    }

    @Override
    public boolean recognises(Path file, String head) {
        JsonHead first = JsonHead.of(head);
        if (first.list()) {
            // An event's "message" comes before its "action", and for the system action it is the whole prompt,
            // which can outrun the head. mini-swe-agent's early format is a list too, of {role, content} messages.
            return first.has("source") && (first.has("action") || first.has("observation") || first.has("message"));
        }
        // test_result follows instance_id at once in OpenHands' output, however long the patch and prompt run;
        // mini-swe-agent and SWE-bench predictions name an instance_id too, but none of these fields.
        return first.has("instance_id") && (first.has("test_result") || first.has("instruction") || first.has("history"));
    }

    @Override
    public List<Trajectory> read(Path file) {
        String name = file.getFileName().toString();
        if (JsonFiles.head(file, 1024).stripLeading().startsWith("[")) {
            return List.of(OpenHandsEvents.read(name, file.toString(), JsonFiles.document(file), Map.of(), Optional.empty()));
        }
        return JsonFiles.lines(file).stream().map(line -> run(file, name, line)).toList();
    }

    private static Trajectory run(Path file, String name, JsonFiles.Line line) {
        String where = file + ":" + line.number();
        JsonNode run = line.json();
        JsonNode instance = run.path("instance_id");
        if (!instance.isValueNode() || instance.isNull()) {
            throw new TraceFormatException(where + ": expected \"instance_id\" naming the run");
        }
        JsonNode history = run.path("history");
        if (!history.isArray()) {
            throw new TraceFormatException(where + ": expected \"history\", the list of OpenHands events");
        }
        JsonNode model = run.at("/metadata/llm_config/model");
        return OpenHandsEvents.read(name + "#" + instance.asText(), where, history, billed(run.at("/metrics/token_usages")),
                model.isTextual() ? Optional.of(model.asText()) : Optional.empty());
    }

    /** Usage per LLM response id; {@code prompt_tokens} is LiteLLM's, cache reads and writes included. */
    private static Map<String, Usage> billed(JsonNode tokenUsages) {
        Map<String, Usage> billed = new HashMap<>();
        for (JsonNode call : tokenUsages) {
            String responseId = call.path("response_id").asText("");
            if (!responseId.isEmpty()) {
                billed.putIfAbsent(responseId, Usages.liteLlm(
                        call.path("prompt_tokens").asLong(),
                        call.path("cache_read_tokens").asLong(),
                        call.path("cache_write_tokens").asLong(),
                        call.path("completion_tokens").asLong(),
                        0));
            }
        }
        return billed;
    }
}
