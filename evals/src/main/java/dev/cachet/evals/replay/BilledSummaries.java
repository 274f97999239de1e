package dev.cachet.evals.replay;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.strategy.SummaryRequest;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.Usage;
import java.util.List;

/**
 * The replay's summarizer: extractive, so a replay needs no model, but billed as a live session's summaries are,
 * each a call of its own to the session's model: the request cachet would send, uncached, and the summary as its
 * answer. A summarizing strategy is not cheaper in a replay than it would be live.
 */
final class BilledSummaries implements Summarizer {
    private final Summarizer extractive = new ExtractiveSummarizer();
    private final WindowFactory windows;
    private Usage pending = Usage.ZERO;

    BilledSummaries(WindowFactory windows) {
        this.windows = windows;
    }

    @Override
    public String summarize(String previous, List<Message> messages) {
        String summary = extractive.summarize(previous, messages);
        long asked = SummaryRequest.window(windows, SummaryRequest.PROMPT, previous, messages).tokens();
        // Counted as a message, so a calibrated counter scales the answer as it scales the request.
        pending = pending.plus(new Usage(asked, 0, 0, windows.counter().count(AssistantTurn.text(summary)), 0));
        return summary;
    }

    /** What the summaries written since the last take were billed, and none since. */
    Usage take() {
        Usage taken = pending;
        pending = Usage.ZERO;
        return taken;
    }
}
