package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolResult;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A trajectory without its content: what usage reports need of it (its calls, the size of its largest tool result,
 * its tool schemas' tokens), small enough to keep for every session of a year of logs.
 *
 * @param id                      as {@link Trajectory#id()}
 * @param format                  as {@link Trajectory#format()}
 * @param session                 as {@link Trajectory#session()}
 * @param model                   as {@link Trajectory#model()}
 * @param turns                   its model calls, in order, kept as {@link TurnColumns}
 * @param toolSchemaTokens        the tokens of the tool schemas it offered; empty when the log does not record them
 * @param resultTokens            the sizes of its tool results that reports flag; empty where the read that made
 *                                it skipped them (a report by period shows none, and tokenizing the results is most
 *                                of the work of reading a log)
 * @param sideCalls               the calls its harness billed beside its turns (cachet's keep-alive pings and
 *                                summaries): calls of the session's own model, but no turns of its conversation
 */
public record TraceSummary(String id, String format, String session, Optional<String> model, List<Turn> turns,
        OptionalInt toolSchemaTokens, Optional<ResultTokens> resultTokens, List<SideCall> sideCalls) {
    /** A tool result this big is resent on every later call: the usual cause of a runaway context. */
    public static final int OVERSIZED_RESULT_TOKENS = 10_000;

    /**
     * A tool result of more than {@link #OVERSIZED_RESULT_TOKENS}.
     *
     * @param turn   the index of the turn whose tool call it answers
     * @param tokens its tokens
     */
    public record OversizedResult(int turn, int tokens) implements Comparable<OversizedResult> {
        @Override
        public int compareTo(OversizedResult other) {
            return turn != other.turn ? Integer.compare(turn, other.turn) : Integer.compare(tokens, other.tokens);
        }
    }

    /**
     * What reports flag of a trajectory's tool results.
     *
     * @param largest   the tokens of its biggest single tool result (0 without any)
     * @param oversized its tool results of more than {@link #OVERSIZED_RESULT_TOKENS}, by turn
     */
    public record ResultTokens(int largest, List<OversizedResult> oversized) {
        public ResultTokens {
            // Sorted, so that a log read whole and one read line by line give equal summaries.
            oversized = oversized.stream().sorted().toList();
        }
    }

    /**
     * One model call: as {@link TrajectoryTurn}'s fields of the same names, but for its id, kept as its
     * {@link CallKey}. Turns are kept as {@link TurnColumns}, and made again when asked for.
     */
    public record Turn(OptionalLong callKey, String agent, Optional<String> model, Optional<Instant> at,
            Optional<Usage> usage) {
        public Turn {
            Objects.requireNonNull(callKey, "callKey");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(usage, "usage");
        }

        /** A call with the id its log gives it, when it gives one. */
        public Turn(Optional<String> callId, String agent, Optional<String> model, Optional<Instant> at,
                Optional<Usage> usage) {
            this(callId.map(id -> OptionalLong.of(CallKey.of(id))).orElse(OptionalLong.empty()), agent, model, at,
                    usage);
        }

        /** The call a turn read whole made. */
        public static Turn of(TrajectoryTurn turn) {
            return new Turn(turn.callId(), turn.agent(), turn.model(), turn.at(), turn.usage());
        }
    }

    /** The summary of a log that records no side calls, as every other harness's. */
    public TraceSummary(String id, String format, String session, Optional<String> model, List<Turn> turns,
            OptionalInt toolSchemaTokens, Optional<ResultTokens> resultTokens) {
        this(id, format, session, model, turns, toolSchemaTokens, resultTokens, List.of());
    }

    public TraceSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(model, "model");
        turns = TurnColumns.of(turns);
        Objects.requireNonNull(toolSchemaTokens, "toolSchemaTokens");
        Objects.requireNonNull(resultTokens, "resultTokens");
        sideCalls = List.copyOf(sideCalls);
    }

    /** The summary of a trajectory read whole; tokens are counted with {@code counter}. */
    public static TraceSummary of(Trajectory trajectory, TokenCounter counter) {
        List<Turn> turns = trajectory.turns().stream().map(Turn::of).toList();
        ResultSizes sizes = new ResultSizes(counter);
        for (int i = 0; i < trajectory.turns().size(); i++) {
            for (ToolResult result : trajectory.turns().get(i).observations()) {
                sizes.add(i, result.content());
            }
        }
        OptionalInt schemas = trajectory.tools().isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(trajectory.tools().stream().mapToInt(counter::count).sum());
        return new TraceSummary(trajectory.id(), trajectory.format(), trajectory.session(), trajectory.model(), turns,
                schemas, Optional.of(sizes.tokens()));
    }

    /** This summary under another id; a session named after its id is renamed with it (as {@link Trajectory#withId}). */
    public TraceSummary withId(String newId) {
        return new TraceSummary(newId, format, session.equals(id) ? newId : session, model, turns, toolSchemaTokens,
                resultTokens, sideCalls);
    }

    /** This summary with the side calls its log records. */
    public TraceSummary withSideCalls(List<SideCall> logged) {
        return new TraceSummary(id, format, session, model, turns, toolSchemaTokens, resultTokens, logged);
    }

    /** Its tool results' sizes, which reports by session need: a summary read without them is its caller's mistake. */
    public ResultTokens sizedResults() {
        return resultTokens.orElseThrow(
                () -> new IllegalStateException(id + " was read without its tool results' sizes"));
    }

    /** Its turns as the columns they are kept in. */
    public TurnColumns columns() {
        return (TurnColumns) turns;
    }

    /** Whether all its calls are the session's own agent's, not a sub-agent's. */
    public boolean main() {
        TurnColumns columns = columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.agent(i).equals(TrajectoryTurn.MAIN)) {
                return false;
            }
        }
        return true;
    }
}
