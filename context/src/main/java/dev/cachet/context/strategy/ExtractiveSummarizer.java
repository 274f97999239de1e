package dev.cachet.context.strategy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic offline summarizer: one line per tool call with its arguments and the first line of what it
 * returned, and the first sentence of what the assistant said. What it drops, the agent can re-run.
 */
public final class ExtractiveSummarizer implements Summarizer {
    private static final int MAX_LINE_CHARS = 160;

    @Override
    public String summarize(String previous, List<Message> messages) {
        StringBuilder out = new StringBuilder(previous.isEmpty() ? "Summary of earlier turns:\n" : previous);
        Map<String, ToolCall> calls = new HashMap<>();
        for (Message message : messages) {
            if (message instanceof AssistantTurn turn) {
                if (!turn.text().isBlank()) {
                    out.append("- assistant: ").append(OneLine.clip(firstSentence(turn.text()), MAX_LINE_CHARS)).append('\n');
                }
                turn.toolCalls().forEach(c -> calls.put(c.id(), c));
            } else if (message instanceof ToolResult result) {
                ToolCall call = calls.getOrDefault(result.callId(), new ToolCall(result.callId(), result.toolName(), "{}"));
                out.append("- ").append(call.name()).append(' ').append(OneLine.clip(call.arguments(), MAX_LINE_CHARS))
                        .append(result.error() ? " failed: " : " -> ").append(OneLine.clip(firstLine(result.content()), MAX_LINE_CHARS)).append('\n');
            } else if (message instanceof UserText user) {
                out.append("- user: ").append(OneLine.clip(firstLine(user.text()), MAX_LINE_CHARS)).append('\n');
            }
        }
        return out.toString();
    }

    private static String firstSentence(String text) {
        String line = firstLine(text.strip());
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end + 1);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end);
    }
}
