package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a Codex rollout comes from, as its first session_meta tells: a session of its own, a fork of another
 * ({@code forked_from_id}), or a sub-agent one spawned ({@code source.subagent.thread_spawn}). A fork or sub-agent
 * opens with its parent's history copied in, every line stamped within a moment of the one before, then its
 * ancestors' session_meta lines; its own lines come after.
 *
 * @param copied           how many leading lines are the parent's copied history (0 for a session of its own)
 * @param session          the session the rollout's calls belong to: its thread's (session_meta's id), a sub-agent's
 *                         parent's; empty where the first line names none
 * @param agent            {@link TrajectoryTurn#MAIN}, or a sub-agent's role ({@code subagent} where it has none)
 * @param baseInstructions the system prompt of the first session_meta
 * @param model            the model of the last turn_context among the copied lines, which the rollout's first own
 *                         calls run on until a turn_context of its own says otherwise
 */
record CodexLineage(int copied, Optional<String> session, String agent, String baseInstructions, Optional<String> model) {
    /** Copied lines are written in one burst at the fork, each within this of the one before. */
    static final Duration COPY_BURST = Duration.ofSeconds(1);

    static CodexLineage of(Path file, List<JsonFiles.Line> lines) {
        JsonNode meta = lines.get(0).json().path("payload");
        boolean isMeta = lines.get(0).json().path("type").asText().equals("session_meta");
        String instructions = isMeta ? meta.path("base_instructions").path("text").asText("") : "";
        JsonNode spawn = meta.path("source").path("subagent").path("thread_spawn");
        boolean subagent = isMeta && meta.path("source").path("subagent").isObject();
        boolean fork = isMeta && meta.path("forked_from_id").isTextual();
        // A session of its own, or a fork (a new thread), is its thread's: the id its sub-agents name as their parent.
        Optional<String> thread = isMeta ? Optional.ofNullable(meta.path("id").textValue()) : Optional.empty();
        if (!subagent && !fork) {
            return new CodexLineage(0, thread, TrajectoryTurn.MAIN, instructions, Optional.empty());
        }
        int copied = copied(file, lines, fork);
        Optional<String> model = lines.subList(0, copied).stream()
                .filter(line -> line.json().path("type").asText().equals("turn_context"))
                .map(line -> line.json().path("payload").path("model").textValue())
                .filter(name -> name != null)
                .reduce((earlier, later) -> later);
        if (!subagent) {
            return new CodexLineage(copied, thread, TrajectoryTurn.MAIN, instructions, model);
        }
        Optional<String> parent = Optional.ofNullable(spawn.path("parent_thread_id").textValue());
        String role = spawn.path("agent_role").asText("");
        return new CodexLineage(copied, parent, role.isEmpty() ? "subagent" : role, instructions, model);
    }

    /**
     * The copied history ends with the ancestors' session_meta lines, the last of them in the burst of lines written
     * at the fork. A fork whose copy has none (written, it may be, by a Codex that wrote none) ends it at the burst's
     * last token_count, the parent's last call; a sub-agent spawned afresh copied nothing, and its first call may well
     * come back within the burst.
     */
    private static int copied(Path file, List<JsonFiles.Line> lines, boolean fork) {
        Optional<Instant> start = JsonFiles.instant(file, lines.get(0), "timestamp");
        if (start.isEmpty()) {
            return 1;
        }
        Instant last = start.get();
        int meta = 0;
        int report = 0;
        for (int i = 1; i < lines.size(); i++) {
            JsonFiles.Line line = lines.get(i);
            Optional<Instant> at = JsonFiles.instant(file, line, "timestamp");
            if (at.isPresent()) {
                if (at.get().isAfter(last.plus(COPY_BURST))) {
                    break;
                }
                last = at.get().isAfter(last) ? at.get() : last;
            }
            if (line.json().path("type").asText().equals("session_meta")) {
                meta = i + 1;
            } else if (line.json().path("payload").path("type").asText().equals("token_count")) {
                report = i + 1;
            }
        }
        return meta > 0 ? meta : fork ? Math.max(1, report) : 1;
    }
}
