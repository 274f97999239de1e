package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.List;

/**
 * Append-only until the window passes {@code max_tokens}; then everything before the last {@code keep_turns}
 * turns is folded into a summary (continuing the previous one), which sits with the task right after the system
 * prompt. A fold must take at least a quarter of {@code max_tokens}, so a large summary does not trigger a new
 * one every turn. One instance per session: it remembers the summary and where it ends.
 */
public final class SummaryStrategy implements ContextStrategy {
    public static final String NAME = "summary";

    /** A summary folds at least max_tokens / this many tokens. */
    static final int MIN_FOLD_FRACTION = 4;

    private final WindowFactory windows;
    private final Summarizer summarizer;
    private final int maxTokens;
    private final int keepTurns;
    private String summary = "";
    /**
     * The task and the summary, one message while the summary stands: every window then holds the same instance, which
     * counts, hashes and prefix comparisons find by identity instead of reading its text again each turn.
     */
    private UserText summaryMessage;
    private int summarizedUpTo;

    public SummaryStrategy(WindowFactory windows, Summarizer summarizer, int maxTokens, int keepTurns) {
        this.windows = windows;
        this.summarizer = summarizer;
        this.maxTokens = maxTokens;
        this.keepTurns = keepTurns;
    }

    @Override
    public Window render(Session session) {
        Window window = layout(session);
        if (window.tokens() <= maxTokens) {
            return window;
        }
        // The task (message 0) always stays; only whole turns before the last keep_turns are folded.
        int from = Math.max(summarizedUpTo, 1);
        int foldTo = new History(session.history()).startOfLastTurns(keepTurns);
        // Summarizing a sliver would rewrite the cache every turn once the summary itself is large.
        int foldable = session.history().subList(Math.min(from, foldTo), foldTo).stream().mapToInt(windows.counter()::count).sum();
        if (foldTo <= from || foldable < maxTokens / MIN_FOLD_FRACTION) {
            return window;
        }
        summary = summarizer.summarize(summary, session.history().subList(from, foldTo));
        summaryMessage = new UserText(session.task() + "\n\n" + summary);
        summarizedUpTo = foldTo;
        Window compacted = layout(session);
        int kept = window.breakpoints().get(0).tokens();
        return compacted.withCompaction(new Compaction("summary", window.tokens() - compacted.tokens(), kept,
                compacted.tokens() - kept, 0));
    }

    private Window layout(Session session) {
        List<Message> history = session.history();
        if (summarizedUpTo == 0) {
            return new TranscriptStrategy(windows).render(session);
        }
        return windows.startFor(session)
                .segment(SegmentKind.STATE, List.of(summaryMessage)).breakpoint()
                .segment(SegmentKind.HISTORY, history.subList(summarizedUpTo, history.size())).breakpoint()
                .build();
    }
}
