package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.PriceTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code session logs ({@code ~/.claude/projects/<project>/<session>.jsonl}, and sub-agent transcripts in
 * {@code <session>/subagents/agent-<id>.jsonl}): one JSON object per line, discriminated by {@code type}. Only
 * {@code user} and {@code assistant} lines are model context; progress, system, file-history-snapshot,
 * queue-operation and summary lines are UI and bookkeeping.
 *
 * <p>Older Claude Code versions write a session's sub-agents (Task tool) inline, as sidechain lines
 * ({@code isSidechain}) among the main session's. Each sub-agent is a context of its own, read into a trajectory of
 * its own ({@code <file>#<agent type>-<n>}) that names the main session as its session, so reports add it to the
 * session's bill and replay can replay it alone.
 */
public final class ClaudeCodeFormat implements TraceFormat {
    static final String LABEL = "claude-code";
    private static final Set<String> LINE_TYPES = Set.of(
            "user", "assistant", "progress", "system", "file-history-snapshot", "summary", "queue-operation");
    /** Fields only Claude Code's lines carry: the envelope's, a snapshot's and a summary's. */
    private static final List<String> MARKERS = List.of("sessionId", "parentUuid", "messageId", "leafUuid");
    private static final String MAIN = "";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String expected() {
        return "Claude Code session JSONL: one object per line with \"type\" (user, assistant, progress, system, …)"
                + " and \"sessionId\"";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        JsonHead first = head.json();
        return !first.list() && LINE_TYPES.contains(first.text("type")) && MARKERS.stream().anyMatch(first::has);
    }

    @Override
    public List<Trajectory> read(Path file) {
        List<JsonFiles.Line> all = JsonFiles.lines(file);
        String name = file.getFileName().toString();
        String session = all.stream().map(line -> line.json().path("sessionId").asText(""))
                .filter(id -> !id.isEmpty()).findFirst().orElse(name);
        Set<JsonNode> relayed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<JsonFiles.Line>> contexts = contexts(file, all, relayed);
        List<Trajectory> trajectories = new ArrayList<>();
        if (!contexts.containsKey(MAIN)) {
            // A sub-agent's own transcript: all of it is one sidechain, named after its file.
            List<JsonFiles.Line> lines = contexts.values().iterator().next();
            String agent = ClaudeCodeAgents.ofTranscript(file, lines.get(0).json().path("agentId").asText(""));
            trajectories.add(new ClaudeCodeContext(file, expected(), agent).read(lines, name, session));
            return trajectories;
        }
        // A context without a call (its only answer one Claude Code made up, as an API error) leaves the others.
        try {
            trajectories.add(new ClaudeCodeContext(file, expected(), TrajectoryTurn.MAIN)
                    .read(contexts.remove(MAIN), name, session));
        } catch (NoCallsException e) {
            // the sub-agents may have made calls
        }
        ClaudeCodeAgents agents = ClaudeCodeAgents.launchedIn(all);
        Map<String, Integer> numbers = new HashMap<>();
        for (List<JsonFiles.Line> lines : contexts.values()) {
            if (lines.stream().noneMatch(line -> line.json().path("type").asText().equals("assistant"))) {
                continue; // a sub-agent stopped before its first answer made no call
            }
            String agent = agents.of(lines);
            int number = numbers.merge(agent, 1, Integer::sum);
            try {
                trajectories.add(new ClaudeCodeContext(file, expected(), agent)
                        .read(lines, name + "#" + agent + "-" + number, session));
            } catch (NoCallsException e) {
                continue;
            } catch (TraceFormatException e) {
                if (lines.stream().noneMatch(line -> relayed.contains(line.json()))) {
                    throw e;
                }
                // The field a relayed message lacks is under the progress line's data.message. Such a sub-agent was
                // never read before its relay was: where a read may leave part of a log out, its parent is still read.
                String why = e.getMessage()
                        + " (of the sub-agent message its progress line relays, under data.message)";
                if (!JsonFiles.leftOut(why + ": that sub-agent")) {
                    throw new TraceFormatException(why, e);
                }
            }
        }
        if (trajectories.isEmpty()) {
            throw new NoCallsException(file + ": no model calls in any of its contexts");
        }
        return trajectories;
    }

    /**
     * The session log a sub-agent's transcript ({@code <session>/subagents/agent-<id>.jsonl}) belongs to, where it lies
     * beside that folder: the transcript's summary takes the sub-agent's type from it.
     */
    public static Optional<Path> parentLog(Path transcript) {
        return ClaudeCodeAgents.parentLog(transcript);
    }

    /**
     * The names of the sub-agents' own logs beside a session's log that hold their calls, sorted: its summary reads the
     * others from the progress lines that relay them.
     */
    public static List<String> subAgentLogs(Path log) throws IOException {
        return ClaudeCodeAgents.ownLogs(log);
    }

    /**
     * The id of the API response a line belongs to. Claude Code writes a response once per content block, each line
     * with its message id, request id and usage, and a resumed session's log repeats the lines of the log it
     * resumed. A request retried under one message id is another response (ccusage counts so too). Anthropic names
     * every request; a gateway between Claude Code and its model may not, and may give every response one message id:
     * without a request id, a response is told apart by its input counts too, which its lines share while its output
     * grows. (With one they are not, since a response whose server-side tools add input may count more on its last
     * line.)
     */
    public static String responseId(String messageId, String requestId, Usage usage) {
        return requestId.isEmpty()
                ? messageId + "::" + usage.uncachedInput() + "/" + usage.cacheWrite() + "/" + usage.cacheRead()
                : messageId + ":" + requestId;
    }

    /**
     * The id a call is known by over all the logs read: its {@link #responseId}, and for a response without a request
     * id the time of its first line too. Such an id is only a message id and input counts, which the first calls of two
     * sessions may share (a relay naming every response alike, a scripted prompt run twice), while the copy of a line
     * that a resumed session's log holds keeps its time.
     */
    public static String callId(String responseId, String requestId, Optional<Instant> firstLine) {
        return requestId.isEmpty() ? responseId + firstLine.map(at -> "@" + at).orElse("") : responseId;
    }

    /**
     * The model a response was billed as, from its usage's {@code speed} and {@code inference_geo} (either may be
     * null): fast mode ("fast") serves the model at a multiple of its prices, so such a response is named as its model
     * with {@code -fast}, as ccusage names it; one served in the US alone ("us") with {@code @us}, a tenth dearer.
     */
    public static String servedAs(String model, String speed, String geo) {
        if (model.isBlank()) {
            return model;
        }
        return model + ("fast".equals(speed) ? PriceTable.FAST : "") + ("us".equals(geo) ? PriceTable.US_ONLY : "");
    }

    /**
     * The user and assistant lines of each context, in file order: the main session's under {@link #MAIN}, each
     * sidechain's under its agentId, or where the log has none under the first line of its chain of parentUuid links
     * (a sub-agent's first message starts a chain of its own). A chain runs through the bookkeeping lines within it:
     * Claude Code writes a sub-agent's progress lines into its chain, and the next message's parent may be one. A line
     * whose uuid an earlier one had is left out: Claude Code writes some lines again (the whole history after each of
     * the desktop app's compactions, claude-code #66947; the history before each message sent as stream-json, #5034),
     * and the copy was sent to no model.
     *
     * @param relayedLines gets the lines read from a parent's progress lines ({@link #relayedLine})
     */
    private static Map<String, List<JsonFiles.Line>> contexts(Path file, List<JsonFiles.Line> all,
            Set<JsonNode> relayedLines) {
        Map<String, List<JsonFiles.Line>> contexts = new LinkedHashMap<>();
        Map<String, String> chainOf = new HashMap<>();
        Set<String> read = new HashSet<>();
        Map<String, Boolean> relayed = new HashMap<>();
        for (JsonFiles.Line logged : all) {
            JsonFiles.Line line = relayedLine(file, logged, relayed).orElse(logged);
            if (line != logged) {
                relayedLines.add(line.json());
            }
            String type = JsonFiles.requiredText(file, line, "type");
            if (!type.equals("user") && !type.equals("assistant")) {
                String chain = chainOf.get(line.json().path("parentUuid").asText(""));
                String uuid = line.json().path("uuid").textValue();
                if (chain != null && uuid != null) {
                    chainOf.put(uuid, chain);
                }
                continue;
            }
            String written = line.json().path("uuid").textValue();
            if (written != null && !read.add(written)) {
                continue;
            }
            String context = MAIN;
            if (line.json().path("isSidechain").asBoolean(false)) {
                String uuid = line.json().path("uuid").asText("#" + line.number());
                String parent = line.json().path("parentUuid").asText("");
                String chain = chainOf.getOrDefault(parent, uuid);
                chainOf.put(uuid, chain);
                String agentId = line.json().path("agentId").asText("");
                context = agentId.isEmpty() ? "chain:" + chain : "agent:" + agentId;
            }
            contexts.computeIfAbsent(context, c -> new ArrayList<>()).add(line);
        }
        if (contexts.isEmpty()) {
            throw new NoCallsException(file + ": no assistant lines; expected one object per line with \"type\""
                    + " user or assistant among the bookkeeping lines");
        }
        return contexts;
    }

    /**
     * The sub-agent line a parent's progress line relays: Claude Code 2.1 relays each message of a sub-agent in an
     * {@code agent_progress} line of its parent's log ({@code data.message}, under {@code data.agentId}), beside the
     * sub-agent's own log. Where that log is missing (a parent log read alone, a copy without its folder), the relayed
     * messages are the sub-agent's only record of its calls, read as an inline sidechain's lines.
     *
     * @param read whether each sub-agent's relayed lines are read, by its id, decided once per log
     */
    private static Optional<JsonFiles.Line> relayedLine(Path file, JsonFiles.Line line, Map<String, Boolean> read) {
        JsonNode data = line.json().path("data");
        if (!line.json().path("type").asText().equals("progress")
                || !data.path("type").asText().equals("agent_progress")) {
            return Optional.empty();
        }
        JsonNode message = data.path("message");
        String agentId = data.path("agentId").asText("");
        String type = message.path("type").asText("");
        if (agentId.isEmpty() || !(type.equals("user") || type.equals("assistant"))
                || !read.computeIfAbsent(agentId, id -> !ClaudeCodeAgents.hasOwnLog(file, id))) {
            return Optional.empty();
        }
        ObjectNode relayed = message.deepCopy();
        relayed.put("isSidechain", true).put("agentId", agentId).set("sessionId", line.json().path("sessionId"));
        return Optional.of(new JsonFiles.Line(line.number(), relayed));
    }
}
