package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt cache with one breakpoint at the end of every request, as Anthropic bills a harness that marks its last
 * message: each request writes its whole prompt to the cache, and a later request reads the longest earlier prompt
 * that is an exact prefix of its own, provided that prefix ends within {@code lookbackBlocks} blocks of the end.
 * Prompts shorter than the model's minimum cacheable length are neither written nor read. TTL is not modelled:
 * agent turns follow each other within the 5-minute window.
 */
public final class PrefixCacheSimulator implements CacheSimulator {
    public static final int ANTHROPIC_MIN_CACHEABLE_TOKENS = 1024;
    public static final int ANTHROPIC_LOOKBACK_BLOCKS = 20;

    private final TokenCounter counter;
    private final int minCacheableTokens;
    private final int lookbackBlocks;
    private final List<List<Object>> cachedPrompts = new ArrayList<>();

    public PrefixCacheSimulator(TokenCounter counter, int minCacheableTokens, int lookbackBlocks) {
        this.counter = counter;
        this.minCacheableTokens = minCacheableTokens;
        this.lookbackBlocks = lookbackBlocks;
    }

    public static PrefixCacheSimulator anthropic(TokenCounter counter) {
        return new PrefixCacheSimulator(counter, ANTHROPIC_MIN_CACHEABLE_TOKENS, ANTHROPIC_LOOKBACK_BLOCKS);
    }

    @Override
    public Usage next(Window window, long outputTokens) {
        long total = window.tokens();
        if (total < minCacheableTokens) {
            return new Usage(total, 0, 0, outputTokens, 0);
        }
        List<Object> blocks = blocks(window);
        long read = longestCachedPrefix(blocks).stream().mapToLong(this::tokens).sum();
        cachedPrompts.add(blocks);
        return new Usage(0, total - read, read, outputTokens, 0);
    }

    private List<Object> longestCachedPrefix(List<Object> blocks) {
        List<Object> best = List.of();
        for (List<Object> cached : cachedPrompts) {
            boolean inReach = cached.size() >= blocks.size() - lookbackBlocks && cached.size() <= blocks.size();
            if (inReach && cached.size() > best.size() && blocks.subList(0, cached.size()).equals(cached)) {
                best = cached;
            }
        }
        return best;
    }

    /** Tools come first on the wire, then the messages: that is the order the cache prefix is matched in. */
    private static List<Object> blocks(Window window) {
        List<Object> blocks = new ArrayList<>(window.tools());
        blocks.addAll(window.messages());
        return blocks;
    }

    private long tokens(Object block) {
        return block instanceof ToolSpec spec
                ? counter.count(spec)
                : counter.count((Message) block);
    }
}
