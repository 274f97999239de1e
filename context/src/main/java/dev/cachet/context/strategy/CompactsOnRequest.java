package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.window.Compaction;
import java.util.Optional;

/**
 * A strategy that can compact when the user asks, not only when it decides to (a chat's {@code /compact}): it says
 * first what it would do and at what price, and does it at its next render once told to.
 */
public interface CompactsOnRequest {
    /** The compaction the next window would get if asked for now, priced; empty when there is nothing to compact. */
    Optional<Compaction> preview(Session session);

    /** The next window compacts as the preview said, whether it pays or not. */
    void compactNext();
}
