package dev.cachet.harness.loop;

import dev.cachet.context.message.Message;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.strategy.SummaryRequest;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ModelClient;
import java.util.List;

/**
 * Summarizes with the session's own model. The request is charged to the session's ledger and logged, so a
 * summarizing strategy's bill includes what its summaries cost.
 */
public final class ModelSummarizer implements Summarizer {
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
        ModelResponse response = model.complete(SummaryRequest.window(windows, prompt, previous, messages));
        double cost = response.usage().map(ledger::charge).orElse(0.0);
        String summary = response.turn().text().strip();
        listener.on(new SessionEvent.SummaryResponded(response.usage().orElse(null), cost, summary));
        return summary;
    }
}
