package dev.cachet.providers.cache;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A provider without a prompt cache, or one cachet knows nothing of: every request is billed as uncached input. */
public final class NoPromptCache implements CacheSimulator {
    @Override
    public boolean caches() {
        return false;
    }

    /** Nothing is cached, so nothing expires: no call counts as cold. */
    @Override
    public Duration ttl() {
        return ChronoUnit.FOREVER.getDuration();
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        return new Usage(window.tokens(), 0, 0, outputTokens, 0);
    }
}
