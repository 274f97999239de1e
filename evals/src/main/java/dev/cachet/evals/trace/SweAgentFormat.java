package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.evals.trace.SweAgentHistory.Exchange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SWE-agent's {@code .traj}: a JSON object whose {@code trajectory} lists one step (model call plus environment
 * step) per turn, next to the chat {@code history} the model saw. Steps are the turns; the history adds the system
 * prompt, the task, native tool calls and the observations as shown to the model. SWE-agent logs no per-call usage.
 */
public final class SweAgentFormat implements TraceFormat {
    /** SWE-agent writes {@code trajectory} first, or second after the {@code environment} name. */
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*\\{\\s*(\"environment\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*)?\"trajectory\"\\s*:\\s*\\[");
    /** Model names SWE-agent runs without an LLM behind them, such as replaying a demonstration. */
    private static final Set<String> NOT_MODELS = Set.of("replay", "human", "human_thought", "instant_empty_submit");

    @Override
    public String label() {
        return "swe-agent";
    }

    @Override
    public String expected() {
        return "a SWE-agent .traj: a JSON object with a \"trajectory\" list of {action, observation, response} steps"
                + " and the chat \"history\"";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        return HEAD.matcher(head.text()).find();
    }

    @Override
    public List<Trajectory> read(Path file) {
        JsonNode root = JsonShape.object(file, JsonFiles.document(file), "the top level");
        JsonNode steps = JsonShape.array(file, root.path("trajectory"), "trajectory");
        SweAgentHistory history = SweAgentHistory.read(file, root.path("history"));
        TurnBuilder turns = new TurnBuilder();
        int next = 0;
        for (int i = 0; i < steps.size(); i++) {
            String path = "trajectory[" + i + "]";
            JsonNode step = JsonShape.object(file, steps.get(i), path);
            String action = JsonShape.text(file, step.path("action"), path + ".action");
            // Hand-edited demonstrations can drop a step from the history, so a step takes the next exchange only
            // when their actions agree (a missing one would otherwise shift every later pairing).
            Optional<Exchange> exchange = history.exchange(next).filter(e -> e.action().equals(action));
            if (exchange.isPresent()) {
                next++;
            }
            turn(turns, i + 1, step, action, exchange);
        }
        return List.of(new Trajectory(file.getFileName().toString(), label(), model(root), history.systemPrompt(),
                history.task(), List.of(), turns.build()));
    }

    private static void turn(TurnBuilder turns, int number, JsonNode step, String action, Optional<Exchange> exchange) {
        List<ToolCall> calls = exchange.map(Exchange::toolCalls).filter(c -> !c.isEmpty())
                .orElse(List.of(ChatMessages.bashCall(number, action)));
        // The history shows the output as the model saw it (with the open file and directory appended); the step's
        // own observation stands in when the history has none, as after the final submit.
        List<String> shown = exchange.map(Exchange::observations).filter(o -> !o.isEmpty())
                .orElse(List.of(step.path("observation").asText("")));
        exchange.map(Exchange::userMessages).orElse(List.of()).forEach(turns::user);
        TurnBuilder.Turn turn = turns.open(Optional.empty()).text(step.path("response").asText(""));
        calls.forEach(turn::call);
        // SWE-agent runs exactly one action per step, so whatever answered the step answers its call.
        shown.forEach(content -> turns.result(calls.get(0).id(), content, false));
    }

    /** The model in the run's config, which newer files keep as {@code replay_config} (an object or JSON text). */
    private static Optional<String> model(JsonNode root) {
        JsonNode config = root.path("replay_config");
        if (config.isTextual()) {
            config = parse(config.asText());
        }
        JsonNode model = config.path("agent").path("model");
        String name = model.path("name").asText(model.path("model_name").asText(""));
        return name.isEmpty() || NOT_MODELS.contains(name) ? Optional.empty() : Optional.of(name);
    }

    /** The config is metadata only: when it does not parse, the model is unknown rather than the file unreadable. */
    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
