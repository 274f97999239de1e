package dev.cachet.evals.trace;

import dev.cachet.context.message.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded agent session in cachet's terms, whatever harness wrote it: the system prompt and task it started
 * from, the tool schemas it offered when known, and its model calls in order.
 *
 * @param id       names the session in reports: the file name, with a suffix when a file holds several sessions
 * @param format   the importer that read it, as {@link TraceFormat#label()}
 * @param model    the model that ran it as the log names it, or empty when the log does not say
 * @param tools    tool schemas offered to the model; empty when the log does not record them
 * @param cacheTtl how long the original harness had its prompt prefixes cached, when its log tells (Claude Code's
 *                 usage says which writes were 1-hour ones)
 */
public record Trajectory(
        String id,
        String format,
        Optional<String> model,
        String systemPrompt,
        String task,
        List<ToolSpec> tools,
        List<TrajectoryTurn> turns,
        Optional<Duration> cacheTtl) {

    /** A session whose log does not tell how long its provider cached. */
    public Trajectory(String id, String format, Optional<String> model, String systemPrompt, String task,
            List<ToolSpec> tools, List<TrajectoryTurn> turns) {
        this(id, format, model, systemPrompt, task, tools, turns, Optional.empty());
    }

    public Trajectory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
        task = Objects.requireNonNullElse(task, "");
        tools = List.copyOf(tools);
        turns = List.copyOf(turns);
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** Tool calls over all turns. */
    public int toolCalls() {
        return turns.stream().mapToInt(turn -> turn.action().toolCalls().size()).sum();
    }

    /** Whether every turn carries the usage its provider billed. */
    public boolean hasRecordedUsage() {
        return !turns.isEmpty() && turns.stream().allMatch(turn -> turn.usage().isPresent());
    }
}
