package dev.cachet.harness.resume;

import dev.cachet.context.message.Message;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.Summarizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The summarizer of a resumed session's strategy. While the strategy renders the logged turns again, it answers with
 * the summaries the log recorded, in order, so nothing is asked of the model twice; a log without them (an older
 * one) gets extractive summaries. Once the session goes on, it asks the live summarizer.
 */
public final class LoggedSummaries implements Summarizer {
    private final Deque<String> logged;
    private final Summarizer offline = new ExtractiveSummarizer();
    private final Summarizer live;
    private boolean rebuilding = true;

    public LoggedSummaries(List<String> logged, Summarizer live) {
        this.logged = new ArrayDeque<>(logged);
        this.live = live;
    }

    /** The logged turns are rendered: from now on, summaries are new ones (after any the log holds unused). */
    public void goLive() {
        rebuilding = false;
    }

    @Override
    public String summarize(String previous, List<Message> messages) {
        if (!logged.isEmpty()) {
            return logged.poll();
        }
        return rebuilding ? offline.summarize(previous, messages) : live.summarize(previous, messages);
    }
}
