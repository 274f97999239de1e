package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.List;

/**
 * System prompt, tools, the task state, and only the last {@code keep_turns} turns. The smallest window, but it
 * slides every turn, so little of it stays cached.
 */
public final class StateStrategy implements ContextStrategy {
    public static final String NAME = "state";

    private final WindowFactory windows;
    private final int keepTurns;

    public StateStrategy(WindowFactory windows, int keepTurns) {
        this.windows = windows;
        this.keepTurns = keepTurns;
    }

    @Override
    public Window render(Session session) {
        History history = new History(session.history());
        int start = history.startOfLastTurns(keepTurns);
        return windows.startFor(session)
                .segment(SegmentKind.STATE, List.of(new UserText(session.state().render())))
                .segment(SegmentKind.HISTORY, session.history().subList(start, session.history().size())).breakpoint()
                .build();
    }
}
