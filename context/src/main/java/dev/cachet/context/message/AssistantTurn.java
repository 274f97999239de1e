package dev.cachet.context.message;

import java.util.List;
import java.util.Objects;

/** What the model answered in one turn: its text and the tools it wants to call. */
public record AssistantTurn(String text, List<ToolCall> toolCalls) implements Message {
    public AssistantTurn {
        text = Objects.requireNonNullElse(text, "");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static AssistantTurn text(String text) {
        return new AssistantTurn(text, List.of());
    }

    public static AssistantTurn calls(String text, ToolCall... calls) {
        return new AssistantTurn(text, List.of(calls));
    }
}
