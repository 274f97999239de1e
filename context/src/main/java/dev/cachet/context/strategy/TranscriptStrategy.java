package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;

/** The baseline: everything, append-only, so each window is a byte-prefix of the next. */
public final class TranscriptStrategy implements ContextStrategy {
    public static final String NAME = "transcript";

    private final WindowFactory windows;

    public TranscriptStrategy(WindowFactory windows) {
        this.windows = windows;
    }

    @Override
    public Window render(Session session) {
        return windows.startFor(session)
                .segment(SegmentKind.HISTORY, session.history()).breakpoint()
                .build();
    }
}
