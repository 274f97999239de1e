package dev.cachet.context.strategy;

import dev.cachet.context.BundledText;
import dev.cachet.context.HeadTailBuffer;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.List;

/**
 * The request that asks a model to fold turns into a summary: what a live session sends and what a replay bills
 * for each summary. It has no cache breakpoint: no later request starts with it, so a cache write would be a
 * premium paid for nothing.
 */
public final class SummaryRequest {
    /** How much of each tool result the summarizer sees: its head and tail. */
    public static final int MAX_RESULT_CHARS = 2_000;

    /** The instructions cachet summarizes with. */
    public static final String PROMPT = BundledText.read("/dev/cachet/context/summary-prompt.md");

    private SummaryRequest() {}

    /** The window that asks for {@code previous} continued with {@code messages}, under {@code prompt}. */
    public static Window window(WindowFactory windows, String prompt, String previous, List<Message> messages) {
        StringBuilder request = new StringBuilder();
        if (!previous.isEmpty()) {
            request.append("Summary so far:\n").append(previous).append("\n\n");
        }
        request.append("Turns to add to the summary:\n");
        messages.forEach(m -> append(request, m));
        return windows.builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText(prompt)))
                .segment(SegmentKind.HISTORY, List.of(new UserText(request.toString())))
                .build();
    }

    private static void append(StringBuilder out, Message message) {
        if (message instanceof AssistantTurn turn) {
            if (!turn.text().isBlank()) {
                out.append("assistant: ").append(turn.text().strip()).append('\n');
            }
            for (ToolCall call : turn.toolCalls()) {
                out.append("call ").append(call.name()).append(' ').append(call.arguments()).append('\n');
            }
        } else if (message instanceof ToolResult result) {
            out.append(result.error() ? "error from " : "result of ").append(result.toolName()).append(":\n")
                    .append(HeadTailBuffer.cap(result.content(), MAX_RESULT_CHARS)).append('\n');
        } else if (message instanceof UserText user) {
            out.append("user: ").append(user.text()).append('\n');
        }
    }
}
