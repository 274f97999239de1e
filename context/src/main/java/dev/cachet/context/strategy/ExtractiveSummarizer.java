package dev.cachet.context.strategy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.List;

/**
 * A deterministic offline summarizer: one line per tool call with its arguments and the first line of what it
 * returned, and the first sentence of what the assistant said. What it drops, the agent can re-run.
 */
public final class ExtractiveSummarizer implements Summarizer {
    private static final int MAX_LINE_CHARS = 160;

    @Override
    public String summarize(String previous, List<Message> messages) {
        StringBuilder out = new StringBuilder(previous.isEmpty() ? "Summary of earlier turns:\n" : previous);
        History history = new History(messages);
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message instanceof AssistantTurn turn && !turn.text().isBlank()) {
                out.append("- assistant: ").append(line(firstSentence(turn.text()))).append('\n');
            } else if (message instanceof ToolResult result) {
                ToolCall call = history.callAt(i);
                out.append("- ").append(call.name()).append(' ').append(line(call.arguments()))
                        .append(result.error() ? " failed: " : " -> ").append(line(firstLine(result.content()))).append('\n');
            } else if (message instanceof UserText user) {
                out.append("- user: ").append(line(firstLine(user.text()))).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(String text) {
        return OneLine.clip(text, MAX_LINE_CHARS);
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
