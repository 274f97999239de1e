package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A provider that caches prompt prefixes by itself, without breakpoints and without charging for writes: a request
 * reads the longest prefix it shares with a recent request, counted in whole steps once it reaches the minimum.
 * OpenAI: from 1,024 tokens in steps of 128. DeepSeek: in units of 64 tokens. The shared prefix is measured in
 * whole blocks (tools and messages), so a block that differs anywhere counts as not shared. The last few prompts
 * are remembered, each for the provider's retention after it was last used: OpenAI keeps a prefix "for 5 to 10
 * minutes of inactivity" (the lower bound is taken: only that much is promised); DeepSeek clears its disk cache
 * "within a few hours to a few days" (taken as 2 hours).
 */
public final class AutomaticPrefixCacheSimulator implements CacheSimulator {
    static final int REMEMBERED_PROMPTS = 16;

    private final TokenCounter counter;
    private final int minimumTokens;
    private final int stepTokens;
    private final Duration retention;
    private final Deque<Remembered> recent = new ArrayDeque<>();

    private record Remembered(List<Object> blocks, Instant lastUsed) {}

    public AutomaticPrefixCacheSimulator(TokenCounter counter, int minimumTokens, int stepTokens, Duration retention) {
        this.counter = counter;
        this.minimumTokens = minimumTokens;
        this.stepTokens = stepTokens;
        this.retention = retention;
    }

    public static AutomaticPrefixCacheSimulator openAi(TokenCounter counter) {
        return new AutomaticPrefixCacheSimulator(counter, 1024, 128, Duration.ofMinutes(5));
    }

    public static AutomaticPrefixCacheSimulator deepSeek(TokenCounter counter) {
        return new AutomaticPrefixCacheSimulator(counter, 64, 64, Duration.ofHours(2));
    }

    @Override
    public Duration ttl() {
        return retention;
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        recent.removeIf(earlier -> earlier.lastUsed().plus(retention).isBefore(at));
        PromptBlocks prompt = PromptBlocks.of(window, counter);
        int sharedBlocks = 0;
        for (Remembered earlier : recent) {
            sharedBlocks = Math.max(sharedBlocks, prompt.sharedBlocks(earlier.blocks()));
        }
        long shared = prompt.prefixTokens()[sharedBlocks];
        remember(new Remembered(prompt.blocks(), at));
        long total = window.tokens();
        long read = shared < minimumTokens ? 0 : minimumTokens + (shared - minimumTokens) / stepTokens * stepTokens;
        return new Usage(total - read, 0, read, outputTokens, 0);
    }

    private void remember(Remembered prompt) {
        recent.addFirst(prompt);
        if (recent.size() > REMEMBERED_PROMPTS) {
            recent.removeLast();
        }
    }
}
