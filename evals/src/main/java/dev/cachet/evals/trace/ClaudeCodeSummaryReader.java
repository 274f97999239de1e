package dev.cachet.evals.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.ClaudeCodeLine.Later;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a Claude Code log into summaries line by line, as {@link ClaudeCodeFormat} reads it into trajectories, but
 * holding no content: per call its id, model, time and usage, per context the ids of its tool calls and the size of
 * its largest tool result. Its whole state is plain data ({@link ClaudeCodeSummaryState}), saved with the summary so
 * that a file that grew is read on from its last complete line.
 *
 * <p>It checks what the importer checks; where a line is anything but what it expects it gives up
 * ({@link Unsure}), and the importer reads the file, so that both ways give the same summaries and the same errors.
 */
final class ClaudeCodeSummaryReader {
    private static final String SYNTHETIC = "<synthetic>";
    private static final ResultText EMPTY = new ResultText.Decoded("");

    private final TokenCounter counter;
    private final AtomicLong bytesParsed;
    private final boolean resumable;
    private final boolean sizesResults;

    /** A reader whose summaries size the results and come with the state to read on from. */
    ClaudeCodeSummaryReader(TokenCounter counter, AtomicLong bytesParsed) {
        this(counter, bytesParsed, true, true);
    }

    /**
     * @param bytesParsed  counts the bytes of the lines this reader parses, for tests and benchmarks
     * @param resumable    whether its summaries come with the state to read on from, for a cache to keep
     * @param sizesResults whether it sizes the tool results ({@link TraceSummary#resultTokens}); a read that goes on
     *                     from one that did sizes them too
     */
    ClaudeCodeSummaryReader(TokenCounter counter, AtomicLong bytesParsed, boolean resumable, boolean sizesResults) {
        this.counter = counter;
        this.bytesParsed = bytesParsed;
        this.resumable = resumable;
        this.sizesResults = sizesResults;
    }

    /**
     * Reads {@code file} from {@code from} (its start, or where an earlier read of it stopped, unless that read did
     * not size the results this one must).
     */
    FileSummary read(Path file, Optional<FileSummary.Resume> from) {
        Optional<ClaudeCodeSummaryState> saved = from.map(resume -> ClaudeCodeSummaryState.decode(resume.state()))
                .filter(earlier -> earlier.resultsSized || !sizesResults);
        ClaudeCodeSummaryState state = saved.orElseGet(() -> ClaudeCodeSummaryState.atStart(sizesResults));
        long offset = saved.isPresent() ? from.get().offset() : 0;
        int number = saved.isPresent() ? from.get().lines() : 0;
        boolean endsWithNewline = true;
        boolean torn = false;
        // Tool results are counted at the end, biggest first, so that most are never tokenized.
        Map<ClaudeCodeSummaryState.Context, ResultSizes> sizes = new java.util.IdentityHashMap<>();
        Map<String, Boolean> relayedAgents = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            JsonlLines lines = new JsonlLines(in);
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                endsWithNewline = lines.endedWithNewline();
                if (!lines.blank()) {
                    bytesParsed.addAndGet(lines.length());
                    ClaudeCodeLine json;
                    try {
                        json = relayed(file, ClaudeCodeLine.parse(line, lines.length(),
                                state.contexts.containsKey(ClaudeCodeSummaryState.MAIN), state.resultsSized),
                                relayedAgents);
                    } catch (JsonProcessingException e) {
                        lines.throwUnlessTorn(e);
                        torn = true;
                        break;
                    }
                    line(file, state, number + 1, json, sizes);
                }
                number++;
                if (endsWithNewline) {
                    offset += lines.consumed();
                }
            }
        } catch (IOException e) {
            throw new Unsure("cannot read: " + e.getMessage());
        }
        if (state.lines == 0) {
            throw new Unsure("empty file");
        }
        sizes.forEach((context, results) -> {
            context.largestResult = results.largest();
            context.oversized = results.oversized();
        });
        // A last line without its newline may still be being written: a later read starts over, or at the line where
        // it was torn and left out.
        Optional<FileSummary.Resume> resume = resumable && (endsWithNewline || torn)
                ? Optional.of(new FileSummary.Resume(offset, number, state.encode())) : Optional.empty();
        return new FileSummary(summaries(file, state), resume);
    }

    /**
     * The sub-agent line a progress line relays where the sub-agent has no log of its own, as
     * {@link ClaudeCodeFormat} reads it; else the line itself.
     *
     * @param read whether each sub-agent's relayed lines are read, by its id, decided once per read
     */
    private static ClaudeCodeLine relayed(Path file, ClaudeCodeLine json, Map<String, Boolean> read)
            throws IOException {
        if (!json.relays() || "".equals(json.dataAgentId)) {
            return json;
        }
        // Where the sub-agent has its own log (as it has in a whole ~/.claude), its relayed message is never parsed.
        if (JsonScalars.isText(json.dataAgentId)
                && !read.computeIfAbsent(json.dataAgentId, id -> !ClaudeCodeAgents.hasOwnLog(file, id))) {
            return json;
        }
        ClaudeCodeLine relayed = json.relayed();
        return "user".equals(relayed.type) || "assistant".equals(relayed.type) ? relayed : json;
    }

    private void line(Path file, ClaudeCodeSummaryState state, int number, ClaudeCodeLine json,
            Map<ClaudeCodeSummaryState.Context, ResultSizes> sizes) {
        state.lines++;
        if (state.session == null) {
            String id = JsonScalars.text(json.later(Later.SESSION_ID), "");
            state.session = id.isEmpty() ? null : id;
        }
        agents(state, json);
        if (!JsonScalars.isText(json.type)) {
            throw new Unsure("type");
        }
        if (!json.type.equals("user") && !json.type.equals("assistant")) {
            // A bookkeeping line within a sidechain's chain carries it on, as ClaudeCodeFormat reads it.
            if (!state.chainOf.isEmpty()) {
                String chain = state.chainOf.get(JsonScalars.text(json.later(Later.PARENT_UUID), ""));
                String uuid = json.later(Later.UUID);
                if (chain != null && JsonScalars.isText(uuid)) {
                    state.chainOf.put(uuid, chain);
                }
            }
            return;
        }
        String written = json.later(Later.UUID);
        if (JsonScalars.isText(written) && !state.uuids.add(CallKey.of(written))) {
            return; // a copy, as ClaudeCodeFormat leaves it out
        }
        if (json.sidechainOther) {
            throw new Unsure("isSidechain");
        }
        String key = ClaudeCodeSummaryState.MAIN;
        if (Boolean.TRUE.equals(json.sidechain)) {
            String uuid = JsonScalars.text(json.later(Later.UUID), "#" + number);
            String parent = JsonScalars.text(json.later(Later.PARENT_UUID), "");
            String chain = state.chainOf.getOrDefault(parent, uuid);
            state.chainOf.put(uuid, chain);
            String agentId = JsonScalars.text(json.later(Later.AGENT_ID), "");
            key = agentId.isEmpty() ? "chain:" + chain : "agent:" + agentId;
        }
        ClaudeCodeSummaryState.Context context = state.contexts.get(key);
        if (context == null) {
            context = new ClaudeCodeSummaryState.Context();
            context.agentId = JsonScalars.text(json.later(Later.AGENT_ID), "");
            content(json);
            if (json.contentText == null) {
                throw new Unsure("first text not read");
            }
            context.firstText = json.contentText;
            state.contexts.put(key, context);
        }
        if (json.type.equals("user")) {
            user(context, json, state.resultsSized ? sizes : null);
        } else {
            assistant(file, state, context, json);
        }
    }

    /** What {@link ClaudeCodeAgents#launchedIn} learns from a line. */
    private static void agents(ClaudeCodeSummaryState state, ClaudeCodeLine json) {
        if (json.content == ClaudeCodeLine.Shape.OBJECT || json.content == ClaudeCodeLine.Shape.OTHER) {
            throw new Unsure("message.content");
        }
        for (ClaudeCodeLine.Block block : json.blocks) {
            if (block.type().equals("tool_use") && JsonScalars.isText(block.subagentType)) {
                String type = block.subagentType;
                state.byPrompt.putIfAbsent(JsonScalars.text(block.prompt, ""), type);
                state.byCallId.put(JsonScalars.text(block.id, ""), type);
            }
        }
        String agentId = JsonScalars.text(json.toolUseResultAgentId, "");
        if (!agentId.isEmpty()) {
            for (ClaudeCodeLine.Block block : json.blocks) {
                String type = state.byCallId.get(JsonScalars.text(block.toolUseId, ""));
                if (type != null) {
                    state.byAgentId.put(agentId, type);
                }
            }
        }
    }

    /** @param sizes the results' sizes by context, null where this read does not size them */
    private void user(ClaudeCodeSummaryState.Context context, ClaudeCodeLine json,
            Map<ClaudeCodeSummaryState.Context, ResultSizes> sizes) {
        content(json);
        for (ClaudeCodeLine.Block block : json.blocks) {
            if (block.type().equals("tool_result")) {
                if (!JsonScalars.isText(block.toolUseId)) {
                    throw new Unsure("tool_use_id");
                }
                Integer turn = context.toolCalls.get(block.toolUseId);
                if (turn != null && sizes != null) {
                    if (block.resultObject) {
                        throw new Unsure("tool result content");
                    }
                    ResultText text = block.resultText == null ? EMPTY : block.resultText;
                    sizes.computeIfAbsent(context, c -> new ResultSizes(counter, c.largestResult, c.oversized))
                            .add(turn, text);
                }
            }
        }
    }

    private static void assistant(Path file, ClaudeCodeSummaryState state, ClaudeCodeSummaryState.Context context,
            ClaudeCodeLine json) {
        context.assistantLines = true;
        if (!JsonScalars.isText(json.messageId)) {
            throw new Unsure("message.id");
        }
        if (SYNTHETIC.equals(json.model)) {
            return;
        }
        String answeredBy = json.model == null ? null : ClaudeCodeFormat.servedAs(json.model, json.speed, json.geo);
        if (json.usage != ClaudeCodeLine.Shape.OBJECT || json.inputMissing || json.outputMissing) {
            throw new Unsure("usage");
        }
        if (json.tokens.coerced) {
            throw new Unsure("usage not whole numbers");
        }
        long[] tokens = json.tokens.values;
        long written = tokens[2];
        Usage billed = new Usage(tokens[0], written, tokens[3], tokens[1], 0, Math.min(written, tokens[4]));
        String requestId = JsonScalars.text(json.later(Later.REQUEST_ID), "");
        String key = ClaudeCodeFormat.responseId(json.messageId, requestId, billed);
        Integer index = context.responses.get(key);
        ClaudeCodeSummaryState.Call call;
        if (index == null) {
            call = new ClaudeCodeSummaryState.Call();
            String timestamp = json.later(Later.TIMESTAMP);
            Optional<Instant> at = JsonScalars.instant(timestamp);
            call.id = ClaudeCodeFormat.callId(key, requestId, at);
            // Kept as written (the resumable state holds text), once it is known to parse.
            call.at = at.map(parsed -> timestamp).orElse(null);
            index = context.calls.size();
            context.responses.put(key, index);
            context.calls.add(call);
        } else {
            call = context.calls.get(index);
        }
        if (answeredBy != null && !answeredBy.isBlank()) {
            call.model = answeredBy;
        }
        if (answeredBy != null && !context.modelNamed) {
            context.modelNamed = true;
            context.model = answeredBy;
        }
        content(json);
        for (ClaudeCodeLine.Block block : json.blocks) {
            if (block.type().equals("tool_use")) {
                if (!JsonScalars.isText(block.id) || !block.nameIsText
                        || block.input == ClaudeCodeLine.Shape.MISSING || block.input == ClaudeCodeLine.Shape.NULL) {
                    throw new Unsure("tool_use");
                }
                context.toolCalls.put(block.id, index);
            }
        }
        call.usage = new long[] {billed.uncachedInput(), billed.cacheWrite(), billed.cacheRead(), billed.output(),
            billed.reasoning(), billed.cacheWrite1h()};
    }

    /** A message's content must be a string or a list; the importer's error otherwise. */
    private static void content(ClaudeCodeLine json) {
        if (json.content != ClaudeCodeLine.Shape.TEXT && json.content != ClaudeCodeLine.Shape.LIST) {
            throw new Unsure("message.content");
        }
    }

    /** The trajectories {@link ClaudeCodeFormat#read} makes of the file, summarised. */
    private static List<TraceSummary> summaries(Path file, ClaudeCodeSummaryState state) {
        String name = file.getFileName().toString();
        String session = state.session == null ? name : state.session;
        if (state.contexts.isEmpty()) {
            throw new Unsure("no assistant lines");
        }
        List<TraceSummary> summaries = new ArrayList<>();
        ClaudeCodeSummaryState.Context main = state.contexts.get(ClaudeCodeSummaryState.MAIN);
        if (main == null) {
            ClaudeCodeSummaryState.Context only = state.contexts.values().iterator().next();
            summaries.add(only.summary(name, session, ClaudeCodeAgents.ofTranscript(file, only.agentId),
                    state.resultsSized));
            return summaries;
        }
        summaries.add(main.summary(name, session, TrajectoryTurn.MAIN, state.resultsSized));
        Map<String, Integer> numbers = new HashMap<>();
        for (Map.Entry<String, ClaudeCodeSummaryState.Context> entry : state.contexts.entrySet()) {
            ClaudeCodeSummaryState.Context context = entry.getValue();
            if (entry.getKey().equals(ClaudeCodeSummaryState.MAIN) || !context.assistantLines) {
                continue;
            }
            String byId = state.byAgentId.get(context.agentId);
            String agent = byId != null ? byId
                    : state.byPrompt.getOrDefault(context.firstText, ClaudeCodeAgents.SIDECHAIN);
            int number = numbers.merge(agent, 1, Integer::sum);
            summaries.add(context.summary(name + "#" + agent + "-" + number, session, agent,
                    state.resultsSized));
        }
        return summaries;
    }
}
