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
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a log's turns as it is read in order: user input waits for the next model call, and a tool result goes to
 * the turn whose call it answers, however late it is logged.
 */
final class TurnAssembler {
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Draft> callers = new HashMap<>();
    private List<UserText> waiting = new ArrayList<>();

    /** User input for the next model call; empty text is not input. */
    void userMessage(String text) {
        if (!text.isEmpty()) {
            waiting.add(new UserText(text));
        }
    }

    /** Starts the next model call's turn, which takes the user input waiting for it. */
    Draft open(Optional<Instant> at) {
        Draft draft = new Draft(waiting, at);
        waiting = new ArrayList<>();
        drafts.add(draft);
        return draft;
    }

    /** Attaches a result to the turn that made the call; a result for a call not in the log has no turn: dropped. */
    void result(String callId, String content, boolean error) {
        Draft caller = callers.get(callId);
        if (caller != null) {
            caller.answer(callId, content, error);
        }
    }

    boolean isEmpty() {
        return drafts.isEmpty();
    }

    /** The turns so far; user input after the last call was never sent to a model, so it is not in any turn. */
    List<TrajectoryTurn> turns() {
        return drafts.stream().map(Draft::build).toList();
    }

    /** One model call being read: its answer may be spread over several lines, and its results come later. */
    final class Draft {
        private final List<UserText> userMessages;
        private final Optional<Instant> at;
        private final List<String> text = new ArrayList<>();
        private final List<ToolCall> calls = new ArrayList<>();
        private final Map<String, ToolResult> results = new HashMap<>();
        private Optional<Usage> usage = Optional.empty();

        private Draft(List<UserText> userMessages, Optional<Instant> at) {
            this.userMessages = userMessages;
            this.at = at;
        }

        void text(String part) {
            if (!part.isEmpty()) {
                text.add(part);
            }
        }

        void call(ToolCall call) {
            calls.add(call);
            callers.put(call.id(), this);
        }

        void usage(Usage billed) {
            usage = Optional.of(billed);
        }

        private void answer(String callId, String content, boolean error) {
            String tool = calls.stream().filter(call -> call.id().equals(callId)).findFirst().orElseThrow().name();
            results.put(callId, new ToolResult(callId, tool, content, error));
        }

        private TrajectoryTurn build() {
            List<ToolResult> observations = calls.stream()
                    .map(call -> results.get(call.id()))
                    .filter(Objects::nonNull)
                    .toList();
            return new TrajectoryTurn(
                    userMessages, new AssistantTurn(String.join("\n", text), calls), observations, usage, at);
        }
    }
}
