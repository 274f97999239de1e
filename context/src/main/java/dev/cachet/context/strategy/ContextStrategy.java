package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.window.Window;

/** Decides what the model sees each turn: renders a window from the session. Implementations are deterministic. */
public interface ContextStrategy {
    String name();

    /** One line for {@code cachet strategies}. */
    String description();

    Window render(Session session);
}
