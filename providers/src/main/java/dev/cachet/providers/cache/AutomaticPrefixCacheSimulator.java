package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A provider that caches prompt prefixes by itself, without breakpoints and without charging for writes: a request
 * reads the longest prefix it shares with a recent request, counted in whole steps once it reaches the minimum.
 * OpenAI: from 1,024 tokens in steps of 128. DeepSeek: in units of 64 tokens. The shared prefix is measured in
 * whole blocks (tools and messages), so a block that differs anywhere counts as not shared. The last few prompts
 * are remembered; how long the providers keep them (minutes, best effort) is not modelled.
 */
public final class AutomaticPrefixCacheSimulator implements CacheSimulator {
    static final int REMEMBERED_PROMPTS = 16;

    private final TokenCounter counter;
    private final int minimumTokens;
    private final int stepTokens;
    private final Deque<List<Object>> recent = new ArrayDeque<>();

    public AutomaticPrefixCacheSimulator(TokenCounter counter, int minimumTokens, int stepTokens) {
        this.counter = counter;
        this.minimumTokens = minimumTokens;
        this.stepTokens = stepTokens;
    }

    public static AutomaticPrefixCacheSimulator openAi(TokenCounter counter) {
        return new AutomaticPrefixCacheSimulator(counter, 1024, 128);
    }

    public static AutomaticPrefixCacheSimulator deepSeek(TokenCounter counter) {
        return new AutomaticPrefixCacheSimulator(counter, 64, 64);
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        PromptBlocks prompt = PromptBlocks.of(window, counter);
        int sharedBlocks = 0;
        for (List<Object> earlier : recent) {
            sharedBlocks = Math.max(sharedBlocks, prompt.sharedBlocks(earlier));
        }
        long shared = prompt.prefixTokens()[sharedBlocks];
        remember(prompt.blocks());
        long total = window.tokens();
        long read = shared < minimumTokens ? 0 : minimumTokens + (shared - minimumTokens) / stepTokens * stepTokens;
        return new Usage(total - read, 0, read, outputTokens, 0);
    }

    private void remember(List<Object> blocks) {
        recent.addFirst(blocks);
        if (recent.size() > REMEMBERED_PROMPTS) {
            recent.removeLast();
        }
    }
}
