package dev.cachet.context.window;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import java.util.List;

/** Starts window builders that share one token counter and one digest cache for a session. */
public final class WindowFactory {
    private final TokenCounter counter;
    private final ContentHashes hashes = new ContentHashes();

    public WindowFactory(TokenCounter counter) {
        this.counter = counter;
    }

    public TokenCounter counter() {
        return counter;
    }

    public WindowBuilder builder() {
        return new WindowBuilder(counter, hashes);
    }

    /**
     * A builder that starts the way every strategy's window starts: the session's tools and system prompt, with a
     * breakpoint after them. Keeping this in one place keeps the most-cached prefix identical across strategies.
     */
    public WindowBuilder startFor(Session session) {
        return builder().tools(session.tools()).segment(SegmentKind.SYSTEM, List.of(session.system())).breakpoint();
    }
}
