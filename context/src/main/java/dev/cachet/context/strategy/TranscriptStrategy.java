package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowBuilder;
import java.util.List;

/** The baseline: everything, append-only, so each window is a byte-prefix of the next. */
public final class TranscriptStrategy implements ContextStrategy {
    private final TokenCounter counter;

    public TranscriptStrategy(TokenCounter counter) {
        this.counter = counter;
    }

    @Override
    public String name() {
        return "transcript";
    }

    @Override
    public String description() {
        return "everything, append-only; with prompt caching this is the cached baseline";
    }

    @Override
    public Window render(Session session) {
        return new WindowBuilder(counter)
                .segment(SegmentKind.SYSTEM, List.of(session.system()))
                .tools(session.tools())
                .segment(SegmentKind.HISTORY, session.history())
                .build();
    }
}
