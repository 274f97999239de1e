package dev.cachet.evals.trace;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.providers.CacheLifetime;
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
 *                 usage says which writes were 1-hour ones; cachet's log names the lifetime it ran with, auto too)
 * @param session  the user's session this context belongs to, by which reports add up a session's parts: a
 *                 sub-agent's transcript (in a file of its own, or inline in its parent's) names its parent session;
 *                 otherwise the id
 * @param sideCalls the calls its log billed beside the turns (cachet's pings and summaries), in order
 */
public record Trajectory(
        String id,
        String format,
        Optional<String> model,
        String systemPrompt,
        String task,
        List<ToolSpec> tools,
        List<TrajectoryTurn> turns,
        Optional<CacheLifetime> cacheTtl,
        String session,
        List<SideCall> sideCalls) {

    /** A session whose log does not tell how long its provider cached. */
    public Trajectory(String id, String format, Optional<String> model, String systemPrompt, String task,
            List<ToolSpec> tools, List<TrajectoryTurn> turns) {
        this(id, format, model, systemPrompt, task, tools, turns, Optional.empty());
    }

    /** A session of its own, not part of another. */
    public Trajectory(String id, String format, Optional<String> model, String systemPrompt, String task,
            List<ToolSpec> tools, List<TrajectoryTurn> turns, Optional<CacheLifetime> cacheTtl) {
        this(id, format, model, systemPrompt, task, tools, turns, cacheTtl, id, List.of());
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
        Objects.requireNonNull(session, "session");
        sideCalls = List.copyOf(sideCalls);
    }

    /** This trajectory under another id; a session named after its id is renamed with it. */
    public Trajectory withId(String newId) {
        return new Trajectory(newId, format, model, systemPrompt, task, tools, turns, cacheTtl,
                session.equals(id) ? newId : session, sideCalls);
    }

    /** This trajectory with the calls its log billed beside the turns. */
    public Trajectory withSideCalls(List<SideCall> billed) {
        return new Trajectory(id, format, model, systemPrompt, task, tools, turns, cacheTtl, session, billed);
    }

    /** Tool calls over all turns. */
    public int toolCalls() {
        return turns.stream().mapToInt(turn -> turn.action().toolCalls().size()).sum();
    }

    /**
     * This trajectory without the calls after its last billed one, where every call up to it was billed; itself where
     * it has no such tail. A log read while its harness runs ends in a call whose bill is not written yet (a Codex
     * rollout's reasoning before its token count, a Claude Code response before its usage), and an OpenHands log may
     * end in a reply logged without its response: the calls before it keep the bill they have.
     */
    public Trajectory withoutUnbilledTail() {
        int billed = 0;
        while (billed < turns.size() && turns.get(billed).usage().isPresent()) {
            billed++;
        }
        int kept = billed;
        if (kept == 0 || kept == turns.size() || turns.stream().skip(kept).anyMatch(turn -> turn.usage().isPresent())) {
            return this;
        }
        return new Trajectory(id, format, model, systemPrompt, task, tools, turns.subList(0, kept), cacheTtl, session,
                sideCalls.stream().filter(call -> call.beforeTurn() <= kept).toList());
    }

    /** Whether every turn carries the usage its provider billed. */
    public boolean hasRecordedUsage() {
        return !turns.isEmpty() && turns.stream().allMatch(turn -> turn.usage().isPresent());
    }
}
