package dev.cachet.providers.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.state.TaskState;
import dev.cachet.context.window.Compaction;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the session log. The log holds everything needed to rebuild the session (the task, every model
 * turn, every tool result, each change of task state) but windows only as sizes, hashes and the compactions that
 * shaped them: their text follows from the strategy.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SessionEvent.Started.class, name = "session_start"),
    @JsonSubTypes.Type(value = SessionEvent.Resumed.class, name = "resume"),
    @JsonSubTypes.Type(value = SessionEvent.WindowRendered.class, name = "window"),
    @JsonSubTypes.Type(value = SessionEvent.Compacted.class, name = "compaction"),
    @JsonSubTypes.Type(value = SessionEvent.SummaryResponded.class, name = "summary_response"),
    @JsonSubTypes.Type(value = SessionEvent.CachePredicted.class, name = "cache_prediction"),
    @JsonSubTypes.Type(value = SessionEvent.ModelResponded.class, name = "model_response"),
    @JsonSubTypes.Type(value = SessionEvent.Pinged.class, name = "keepalive_ping"),
    @JsonSubTypes.Type(value = SessionEvent.ToolCalled.class, name = "tool_call"),
    @JsonSubTypes.Type(value = SessionEvent.ToolReturned.class, name = "tool_result"),
    @JsonSubTypes.Type(value = SessionEvent.StateUpdated.class, name = "state_update"),
    @JsonSubTypes.Type(value = SessionEvent.UserSaid.class, name = "user_message"),
    @JsonSubTypes.Type(value = SessionEvent.StrategyChanged.class, name = "strategy_change"),
    @JsonSubTypes.Type(value = SessionEvent.Stopped.class, name = "stop"),
    @JsonSubTypes.Type(value = SessionEvent.Warned.class, name = "warning")
})
public sealed interface SessionEvent {
    /** The name of every event type, as the {@code type} field of a line carries it. */
    Set<String> TYPES = Arrays.stream(SessionEvent.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());

    /** The {@code type} that lines of this kind of event carry. */
    static String typeOf(Class<? extends SessionEvent> kind) {
        return Arrays.stream(SessionEvent.class.getAnnotation(JsonSubTypes.class).value())
                .filter(type -> type.value().equals(kind)).map(JsonSubTypes.Type::name).findFirst().orElseThrow();
    }

    /**
     * @param model the model prices are looked up by
     * @param modelChoice the model as the user chose it; absent in logs written before cachet could resume
     */
    record Started(
            String sessionId,
            String task,
            String workspace,
            String model,
            String strategy,
            Map<String, Integer> strategyParams,
            Limits limits,
            String systemPrompt,
            List<ToolSpec> tools,
            ModelChoice modelChoice) implements SessionEvent {}

    /**
     * The session goes on from its log after turn {@code turn}, with these settings (the flags of the resume may
     * have changed them), having spent {@code usage} and {@code costUsd} so far, {@code pings} keep-alive pings and
     * their {@code pingCostUsd} among them (0 in logs written before they were logged here). Its next request is a
     * cold restart.
     */
    record Resumed(
            String sessionId,
            int turn,
            String model,
            ModelChoice modelChoice,
            String strategy,
            Map<String, Integer> strategyParams,
            Limits limits,
            Usage usage,
            double costUsd,
            int pings,
            double pingCostUsd) implements SessionEvent {}

    record WindowRendered(int turn, int tokens, Map<String, Integer> segmentTokens, String prefixHash, int messages)
            implements SessionEvent {}

    record Compacted(int turn, Compaction compaction) implements SessionEvent {}

    /**
     * What the cache simulator predicted for a request to a provider, beside what the provider billed;
     * {@code readError} is predicted minus billed cache-read tokens, and {@code lifetime} how long the prefix the
     * request left cached lives unread, as the simulator has it (null in older logs).
     */
    record CachePredicted(Usage predicted, Usage billed, long readError, Duration lifetime) implements SessionEvent {}

    /**
     * A summarizing strategy asked the model for a summary; this is what it cost (usage null when the provider sent
     * none), and the summary, which a resume gives the strategy again instead of asking for it twice (absent in
     * older logs).
     */
    record SummaryResponded(Usage usage, double costUsd, String summary) implements SessionEvent {}

    /**
     * @param usage what the provider billed; null when it sent no usage, as in hand-written recordings: unknown,
     *     which is not zero
     * @param toolSchemaTokens tokens of the tools array sent with the request; over the usage's input, the share of
     *     the request that tool schemas took
     */
    record ModelResponded(
            int turn, AssistantTurn message, Usage usage, double costUsd, long latencyMs, FinishReason finishReason,
            int toolSchemaTokens) implements SessionEvent {
        public ModelResponded {
            if (message == null) {
                throw new IllegalArgumentException("a model_response needs the \"message\" the model answered");
            }
        }
    }

    /**
     * A keep-alive ping re-read the cached prefix while the session idled after turn {@code turn} (a long tool call,
     * a chat waiting for the user): the {@code ping}-th of that idle stretch, and what it cost; usage null when the
     * provider sent none.
     */
    record Pinged(int turn, int ping, Usage usage, double costUsd) implements SessionEvent {}

    /** Something the user should know that does not stop the session, such as an MCP server that did not start. */
    record Warned(String message) implements SessionEvent {}

    record ToolCalled(int turn, ToolCall call) implements SessionEvent {}

    record ToolReturned(int turn, ToolResult result, long elapsedMs) implements SessionEvent {}

    record StateUpdated(int turn, TaskState state) implements SessionEvent {}

    /**
     * The user spoke again after turn {@code turn}: a follow-up in a chat, or what cachet asks of the model in the
     * user's name (write a plan, then carry it out). It joins the history as a user message, so a resume replays it.
     */
    record UserSaid(int turn, String text) implements SessionEvent {}

    /** The user switched the session to another strategy after turn {@code turn} (a chat's /strategy). */
    record StrategyChanged(int turn, String strategy, Map<String, Integer> strategyParams) implements SessionEvent {}

    record Stopped(int turn, StopReason reason, String detail, Usage usage, double costUsd) implements SessionEvent {}
}
