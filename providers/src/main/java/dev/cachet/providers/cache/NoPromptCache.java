package dev.cachet.providers.cache;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Instant;

/** A provider without a prompt cache, or one cachet knows nothing of: every request is billed as uncached input. */
public final class NoPromptCache implements CacheSimulator {
    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        return new Usage(window.tokens(), 0, 0, outputTokens, 0);
    }
}
