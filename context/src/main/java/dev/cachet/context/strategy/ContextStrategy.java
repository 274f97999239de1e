package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.window.Window;

/**
 * Decides what the model sees each turn: renders a window from the session. One instance per session, called once
 * per turn; what it remembers between turns (earlier compactions) follows from the turns it has seen, so the same
 * session always renders the same windows.
 */
@FunctionalInterface
public interface ContextStrategy {
    Window render(Session session);
}
