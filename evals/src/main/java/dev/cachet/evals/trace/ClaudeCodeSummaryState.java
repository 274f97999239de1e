package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything {@link ClaudeCodeSummaryReader} knows after some lines of a log, as plain data that encodes to bytes and
 * back, so a read can go on where an earlier one stopped. Null stands for "not yet" inside it, never outside.
 */
final class ClaudeCodeSummaryState {
    static final String MAIN = "";
    /** Keeps the contexts in the order they were met; sorting them (as cachet's JSON output does) would reorder them. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public int lines;
    /** Whether the tool results are sized from the first line on: a read that sizes them goes on from no other. */
    public boolean resultsSized;
    public String session;
    /**
     * The {@link CallKey} of the uuid of every user and assistant line read, to know a line written again: a long, at
     * half the saved state's bytes a uuid takes, with odds of a false match as small as two calls'.
     */
    public Set<Long> uuids = new HashSet<>();
    public Map<String, String> chainOf = new HashMap<>();
    public Map<String, String> byPrompt = new HashMap<>();
    public Map<String, String> byCallId = new HashMap<>();
    public Map<String, String> byAgentId = new HashMap<>();
    public LinkedHashMap<String, Context> contexts = new LinkedHashMap<>();

    /** One context (the main session's or a sub-agent's) so far. */
    static final class Context {
        public String agentId;
        public String firstText;
        public boolean assistantLines;
        public boolean modelNamed;
        public String model;
        /** Each tool call's id, with the index of the call that made it (a reused id: the later call). */
        public Map<String, Integer> toolCalls = new HashMap<>();
        public Map<String, Integer> responses = new HashMap<>();
        public List<Call> calls = new ArrayList<>();
        public int largestResult;
        public List<TraceSummary.OversizedResult> oversized = new ArrayList<>();

        TraceSummary summary(String id, String session, String agent, boolean resultsSized) {
            if (calls.isEmpty()) {
                throw new Unsure("no model calls");
            }
            // Straight into columns: a turn, its optionals and its instant made for each call would be most of the
            // work a summary does after its lines are read.
            TurnColumns.Builder turns = new TurnColumns.Builder(calls.size());
            for (Call call : calls) {
                turns.next(agent, call.model);
                turns.key(CallKey.of(call.id));
                if (call.at != null) {
                    Instant at = UtcInstants.parse(call.at);
                    turns.at(at.getEpochSecond(), at.getNano());
                }
                long[] u = call.usage;
                if (u != null) {
                    turns.usage(u[0], u[1], u[2], u[3], u[4], u[5]);
                }
            }
            Optional<TraceSummary.ResultTokens> results = resultsSized
                    ? Optional.of(new TraceSummary.ResultTokens(largestResult, oversized)) : Optional.empty();
            return new TraceSummary(id, ClaudeCodeFormat.LABEL, session, Optional.ofNullable(model), turns.build(),
                    OptionalInt.empty(), results);
        }
    }

    /** One API response: its message and request ids, the model that answered, when, what it billed. */
    static final class Call {
        public String id;
        public String model;
        public String at;
        public long[] usage;
    }

    /** The state before a log's first line. */
    static ClaudeCodeSummaryState atStart(boolean resultsSized) {
        ClaudeCodeSummaryState state = new ClaudeCodeSummaryState();
        state.resultsSized = resultsSized;
        return state;
    }

    byte[] encode() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a summary state always encodes", e);
        }
    }

    /** The state {@link #encode} wrote; anything else is refused, and the file read from its start. */
    static ClaudeCodeSummaryState decode(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, ClaudeCodeSummaryState.class);
        } catch (IOException e) {
            throw new Unsure("saved state unreadable: " + e.getMessage());
        }
    }
}
