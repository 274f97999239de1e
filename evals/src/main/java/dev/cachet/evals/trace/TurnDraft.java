package dev.cachet.evals.trace;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A turn while its log is being read: event logs report its tool calls and their results one at a time. */
final class TurnDraft {
    private final List<UserText> userMessages;
    private final String text;
    private final Optional<Usage> usage;
    private final Optional<Instant> at;
    private final List<ToolCall> calls = new ArrayList<>();
    private final List<ToolResult> observations = new ArrayList<>();

    TurnDraft(List<UserText> userMessages, String text, Optional<Usage> usage, Optional<Instant> at) {
        this.userMessages = List.copyOf(userMessages);
        this.text = text;
        this.usage = usage;
        this.at = at;
    }

    void call(ToolCall call) {
        calls.add(call);
    }

    void observe(ToolResult result) {
        observations.add(result);
    }

    TrajectoryTurn build() {
        return new TrajectoryTurn(userMessages, new AssistantTurn(text, calls), observations, usage, at);
    }
}
