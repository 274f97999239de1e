package dev.cachet.context.window;

import dev.cachet.context.TokenCounter;

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
}
