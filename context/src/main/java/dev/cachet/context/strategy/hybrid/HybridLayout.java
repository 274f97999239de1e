package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.Session;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowBuilder;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out hybrid's window: tools and system prompt; once something is folded, the index (with the folded outputs
 * still in use) and the state snapshot; then the history that is left, with masked observations replaced. Besides the window's end, breakpoints sit after
 * the system prompt, after the index (or the snapshot while there is no index), and at the frontier where the last
 * compaction ended, so a compaction can rewrite from any of them and keep what is before it cached.
 */
final class HybridLayout {
    private final WindowFactory windows;

    HybridLayout(WindowFactory windows) {
        this.windows = windows;
    }

    Window render(Session session, Compactions compactions) {
        List<Message> history = session.history();
        int start = compactions.foldedUpTo();
        List<Message> shown = new ArrayList<>(history.size() - start);
        for (int i = start; i < history.size(); i++) {
            ToolResult mask = compactions.masks().get(i);
            shown.add(mask != null ? mask : history.get(i));
        }
        int split = Math.max(0, Math.min(compactions.frontier() - start, shown.size()));
        WindowBuilder builder = windows.startFor(session);
        if (start > 0) {
            // The index grows only at its end and changes less often than the state, so it goes first and keeps the
            // breakpoint; without an index, the state keeps it. Four breakpoints at most either way.
            builder.segment(SegmentKind.STATE, compactions.index()).breakpoint()
                    .segment(SegmentKind.STATE, List.of(new UserText(compactions.snapshot())));
            if (compactions.index().isEmpty()) {
                builder.breakpoint();
            }
        }
        return builder
                .segment(SegmentKind.HISTORY, shown.subList(0, split)).breakpoint()
                .segment(SegmentKind.HISTORY, shown.subList(split, shown.size())).breakpoint()
                .build();
    }
}
