package dev.cachet.evals.trace;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a session's turns as its log is read in order; every importer makes its turns here. User input waits for
 * the next model call, a call's answer may arrive in parts, and a tool result joins the turn whose call it answers,
 * however late it is logged.
 */
final class TurnBuilder {
    private final List<Turn> turns = new ArrayList<>();
    /** The turn that made each call; a call id a log reuses names its latest call. */
    private final Map<String, Turn> callers = new HashMap<>();
    private final String agent;
    private List<UserText> waiting = new ArrayList<>();
    private boolean restartWaiting;

    /** Turns of the session's own agent. */
    TurnBuilder() {
        this(TrajectoryTurn.MAIN);
    }

    /** @param agent whose calls these are, as {@link TrajectoryTurn#agent()} */
    TurnBuilder(String agent) {
        this.agent = agent;
    }

    /** User input for the next model call. */
    void user(String text) {
        waiting.add(new UserText(text));
    }

    /** The original harness starts its context anew with the next model call. */
    void restartContext() {
        restartWaiting = true;
    }

    /**
     * The original harness starts its context anew with the next model call, from {@code kept} (what its compaction
     * kept) instead of the input waiting for it, which that holds or summarises.
     */
    void restartContext(List<String> kept) {
        waiting = new ArrayList<>();
        kept.forEach(this::user);
        restartContext();
    }

    /** Starts the next model call's turn, which takes the user input waiting for it. */
    Turn open(Optional<Instant> at) {
        Turn turn = new Turn(waiting, at, restartWaiting);
        waiting = new ArrayList<>();
        restartWaiting = false;
        turns.add(turn);
        return turn;
    }

    /**
     * A result of the call {@code callId} names, under that call's tool name. A call may have several results (a
     * harness can show one command's output in parts); a result for a call not in the log has no turn: dropped.
     */
    void result(String callId, String content, boolean error) {
        Turn caller = callers.get(callId);
        if (caller != null) {
            caller.answer(callId, content, error);
        }
    }

    boolean isEmpty() {
        return turns.isEmpty();
    }

    int size() {
        return turns.size();
    }

    /** The turns so far; user input after the last call was never sent to a model, so it is not in any turn. */
    List<TrajectoryTurn> build() {
        return turns.stream().map(Turn::build).toList();
    }

    /** One model call being read: its answer may be spread over several lines, and its results come later. */
    final class Turn {
        private final List<UserText> userMessages;
        private final Optional<Instant> at;
        private final boolean contextRestart;
        private final List<String> text = new ArrayList<>();
        private final List<ToolCall> calls = new ArrayList<>();
        private final Map<String, List<ToolResult>> results = new HashMap<>();
        private Optional<Usage> usage = Optional.empty();
        private Optional<String> model = Optional.empty();
        private Optional<String> callId = Optional.empty();

        private Turn(List<UserText> userMessages, Optional<Instant> at, boolean contextRestart) {
            this.userMessages = userMessages;
            this.at = at;
            this.contextRestart = contextRestart;
        }

        /** Part of the assistant's text; parts are joined by newlines, and an empty one adds nothing. */
        Turn text(String part) {
            if (!part.isEmpty()) {
                text.add(part);
            }
            return this;
        }

        Turn call(ToolCall call) {
            calls.add(call);
            callers.put(call.id(), this);
            return this;
        }

        /** What the provider billed for the call; a later report replaces an earlier one. */
        Turn usage(Usage billed) {
            usage = Optional.of(billed);
            return this;
        }

        /** The model that answered this call, when the log names it. */
        Turn model(Optional<String> name) {
            model = name.filter(n -> !n.isBlank()).or(() -> model);
            return this;
        }

        /** The provider's id of this call, when the log keeps one. */
        Turn callId(String id) {
            callId = Optional.of(id);
            return this;
        }

        private void answer(String callId, String content, boolean error) {
            String tool = calls.stream().filter(call -> call.id().equals(callId)).findFirst().orElseThrow().name();
            results.computeIfAbsent(callId, id -> new ArrayList<>()).add(new ToolResult(callId, tool, content, error));
        }

        /** Observations in call order, whatever order the log wrote them in. */
        private TrajectoryTurn build() {
            List<ToolResult> observations = calls.stream()
                    .map(ToolCall::id)
                    .distinct()
                    .flatMap(id -> results.getOrDefault(id, List.of()).stream())
                    .toList();
            return new TrajectoryTurn(
                    userMessages, new AssistantTurn(String.join("\n", text), calls), observations, usage, at, contextRestart,
                    model, agent, callId);
        }
    }
}
