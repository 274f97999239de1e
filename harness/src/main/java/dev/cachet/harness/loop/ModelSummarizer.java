package dev.cachet.harness.loop;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ModelClient;
import dev.cachet.tools.command.HeadTailBuffer;
import java.util.List;

/**
 * Summarizes with the session's own model. The request is charged to the session's ledger and logged, so a
 * summarizing strategy's bill includes what its summaries cost.
 */
public final class ModelSummarizer implements Summarizer {
    static final int MAX_RESULT_CHARS = 2_000;

    private final ModelClient model;
    private final WindowFactory windows;
    private final String prompt;
    private final Ledger ledger;
    private final SessionListener listener;

    public ModelSummarizer(ModelClient model, WindowFactory windows, String prompt, Ledger ledger, SessionListener listener) {
        this.model = model;
        this.windows = windows;
        this.prompt = prompt;
        this.ledger = ledger;
        this.listener = listener;
    }

    @Override
    public String summarize(String previous, List<Message> messages) {
        StringBuilder request = new StringBuilder();
        if (!previous.isEmpty()) {
            request.append("Summary so far:\n").append(previous).append("\n\n");
        }
        request.append("Turns to add to the summary:\n");
        messages.forEach(m -> append(request, m));
        ModelResponse response = model.complete(windows.builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText(prompt)))
                .segment(SegmentKind.HISTORY, List.of(new UserText(request.toString()))).breakpoint()
                .build());
        double cost = response.usage().map(ledger::charge).orElse(0.0);
        String summary = response.turn().text().strip();
        listener.on(new SessionEvent.SummaryResponded(response.usage().orElse(null), cost, summary));
        return summary;
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
