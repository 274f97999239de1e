package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the last {@code keep} observations verbatim and replaces older ones with a one-line placeholder, every
 * turn. Simple and small, but the masked boundary moves each turn, so the cache breaks there each turn.
 * Placeholders are made once per observation and reused, so the same session renders the same bytes.
 */
public final class MaskingStrategy implements ContextStrategy {
    public static final String NAME = "masking";

    private final WindowFactory windows;
    private final int keep;
    private final Map<Integer, ToolResult> placeholders = new HashMap<>();

    public MaskingStrategy(WindowFactory windows, int keep) {
        this.windows = windows;
        this.keep = keep;
    }

    @Override
    public Window render(Session session) {
        History history = new History(session.history());
        List<Integer> observations = history.observations();
        List<Message> shown = new ArrayList<>(session.history());
        for (int i = 0; i < observations.size() - keep; i++) {
            int at = observations.get(i);
            ToolResult result = (ToolResult) shown.get(at);
            ToolResult placeholder = placeholders.computeIfAbsent(at, p -> Placeholders.mask(history.callAt(p), result,
                    windows.counter().count(result), "older than the last " + keep + " observations"));
            // A placeholder larger than a tiny output would make the window bigger, not smaller.
            if (windows.counter().count(placeholder) < windows.counter().count(result)) {
                shown.set(at, placeholder);
            }
        }
        return windows.startFor(session)
                .segment(SegmentKind.HISTORY, shown).breakpoint()
                .build();
    }
}
