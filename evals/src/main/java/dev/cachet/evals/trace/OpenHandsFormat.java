package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenHands (All-Hands-AI), in each form it writes sessions:
 * <ul>
 *   <li>evaluation output, a JSONL file with one run per line: its events in {@code history}, its per-call usage in
 *       {@code metrics.token_usages};</li>
 *   <li>resolver output, a JSONL file with one resolved issue per line ({@code issue}, {@code instruction},
 *       {@code history}); older resolvers wrote a flat history ({@link OpenHandsFlatHistory});</li>
 *   <li>a runtime trajectory, a JSON list of events with {@code action} or {@code observation};</li>
 *   <li>a V1 (software-agent-sdk) event list, a JSON list or JSONL of events with a {@code kind}
 *       ({@link OpenHandsSdkEvents}).</li>
 * </ul>
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
                + " line), resolver output (JSONL, one {\"issue\", \"instruction\", \"history\"} per line), runtime"
                + " trajectory (a JSON list of events with \"source\" and \"action\" or \"observation\") or SDK event"
                + " list (events with \"kind\", such as ActionEvent)";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        JsonHead first = head.json();
        if (OpenHandsSdkEvents.isEventKind(first.text("kind")) && first.has("id")) {
            return true;
        }
        if (first.list()) {
            // An event's "message" comes before its "action", and for the system action it is the whole prompt,
            // which can outrun the head. mini-swe-agent's early format is a list too, of {role, content} messages.
            return first.has("source") && (first.has("action") || first.has("observation") || first.has("message"));
        }
        // test_result follows instance_id at once in OpenHands' output, however long the patch and prompt run;
        // mini-swe-agent and SWE-bench predictions name an instance_id too, but none of these fields.
        return first.has("instance_id") && (first.has("test_result") || first.has("instruction") || first.has("history"))
                // The resolver's output names the issue it resolved first, and its type.
                || first.has("issue") && (first.has("issue_type") || first.has("instruction"));
    }

    @Override
    public List<Trajectory> read(Path file) {
        String name = file.getFileName().toString();
        if (JsonFiles.head(file, 1024).stripLeading().startsWith("[")) {
            JsonNode events = JsonFiles.document(file);
            if (events.size() > 0 && events.get(0).has("kind")) {
                List<JsonNode> list = new ArrayList<>();
                events.forEach(list::add);
                return List.of(OpenHandsSdkEvents.read(name, file.toString(), list));
            }
            return List.of(OpenHandsEvents.read(name, file.toString(), events, Map.of(), Optional.empty()));
        }
        List<JsonFiles.Line> lines = JsonFiles.lines(file);
        if (lines.get(0).json().has("kind")) {
            // One SDK event per line; errors name the event by its index, which is its line less one.
            return List.of(OpenHandsSdkEvents.read(name, file.toString(),
                    lines.stream().map(JsonFiles.Line::json).toList()));
        }
        return apart(lines.stream().map(line -> run(file, name, line)).toList());
    }

    /**
     * Each run under a name of its own: an instance run again and appended to the same output (as OpenHands' own
     * re-runs append) is named with its number among that instance's runs, where it took the first run's name and
     * replay kept one of the two.
     */
    private static List<Trajectory> apart(List<Trajectory> runs) {
        Map<String, Integer> seen = new HashMap<>();
        return runs.stream().map(run -> {
            int nth = seen.merge(run.id(), 1, Integer::sum);
            return nth == 1 ? run : run.withId(run.id() + "-run" + nth);
        }).toList();
    }

    private static Trajectory run(Path file, String name, JsonFiles.Line line) {
        String where = file + ":" + line.number();
        JsonNode run = line.json();
        JsonNode instance = run.has("issue") ? resolved(run.path("issue"), run.path("issue_type").asText("issue"))
                : run.path("instance_id");
        if (!instance.isValueNode() || instance.isNull()) {
            throw new TraceFormatException(where + ": expected \"instance_id\" naming the run");
        }
        JsonNode history = run.path("history");
        if (!history.isArray()) {
            throw new TraceFormatException(where + ": expected \"history\", the list of OpenHands events");
        }
        JsonNode model = run.at("/metadata/llm_config/model");
        if (OpenHandsFlatHistory.isFlat(history)) {
            return OpenHandsFlatHistory.read(name + "#" + instance.asText(), where, history, Optional.empty());
        }
        return OpenHandsEvents.read(name + "#" + instance.asText(), where, history, billed(where, run.at("/metrics/token_usages")),
                model.isTextual() ? Optional.of(model.asText()) : Optional.empty());
    }

    /** A resolver run's name: the kind of thing it resolved and its number, such as {@code issue_5}. */
    private static JsonNode resolved(JsonNode issue, String type) {
        JsonNode number = issue.path("number");
        return number.isValueNode() && !number.isNull() ? TextNode.valueOf(type + "_" + number.asText())
                : MissingNode.getInstance();
    }

    /**
     * Usage per LLM response id, of the entries that bill it; {@code prompt_tokens} is LiteLLM's, cache reads and writes
     * included.
     */
    private static Map<String, Usage> billed(String where, JsonNode tokenUsages) {
        Map<String, Usage> billed = new HashMap<>();
        for (JsonNode call : tokenUsages) {
            String responseId = call.path("response_id").asText("");
            if (!responseId.isEmpty() && Usages.bills(call, "prompt_tokens", "completion_tokens")) {
                String at = where + ": metrics.token_usages of " + responseId;
                billed.putIfAbsent(responseId, Usages.liteLlm(
                        Usages.count(at, call, "prompt_tokens"),
                        Usages.count(at, call, "cache_read_tokens"),
                        Usages.count(at, call, "cache_write_tokens"),
                        Usages.count(at, call, "completion_tokens"),
                        0));
            }
        }
        return billed;
    }
}
