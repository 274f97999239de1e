package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompt cache with explicit breakpoints, as Anthropic bills it. The prompt is the tools, then the messages;
 * each breakpoint of a request marks a prefix that is written to the cache (if it is at least the model's minimum
 * cacheable length). A request reads the longest earlier-written prefix that matches its own exactly and ends no
 * more than {@code lookbackBlocks} blocks before one of its breakpoints; everything from there to its last
 * breakpoint is a cache write, and anything after the last breakpoint is uncached input. A block here is one tool
 * or one message. A cached prefix lives for the time-to-live after it was last written or read (5 minutes by
 * default; Anthropic also sells 1 hour), so a pause longer than that makes the next request write it again.
 */
public final class BreakpointCacheSimulator implements CacheSimulator {
    public static final int ANTHROPIC_MIN_CACHEABLE_TOKENS = 1024;
    public static final int ANTHROPIC_LOOKBACK_BLOCKS = 20;
    public static final Duration ANTHROPIC_TTL = Duration.ofMinutes(5);

    private final TokenCounter counter;
    private final int minCacheableTokens;
    private final int lookbackBlocks;
    private final Duration ttl;
    private final Map<List<Object>, Instant> cachedPrefixes = new HashMap<>();

    public BreakpointCacheSimulator(TokenCounter counter, int minCacheableTokens, int lookbackBlocks, Duration ttl) {
        this.counter = counter;
        this.minCacheableTokens = minCacheableTokens;
        this.lookbackBlocks = lookbackBlocks;
        this.ttl = ttl;
    }

    public BreakpointCacheSimulator(TokenCounter counter, int minCacheableTokens, int lookbackBlocks) {
        this(counter, minCacheableTokens, lookbackBlocks, ANTHROPIC_TTL);
    }

    public static BreakpointCacheSimulator anthropic(TokenCounter counter) {
        return new BreakpointCacheSimulator(counter, ANTHROPIC_MIN_CACHEABLE_TOKENS, ANTHROPIC_LOOKBACK_BLOCKS);
    }

    /** Anthropic's cache for one model, with the time-to-live the requests ask for (5 minutes or 1 hour). */
    public static BreakpointCacheSimulator anthropic(TokenCounter counter, String model, Duration ttl) {
        return new BreakpointCacheSimulator(counter, minCacheableTokens(model), ANTHROPIC_LOOKBACK_BLOCKS, ttl);
    }

    /**
     * The shortest prefix Anthropic caches for a model. Opus 4.5, Opus 4.6 and Haiku 4.5 need 4,096 tokens (two
     * independent gateway docs agree, checked 2026-11); for the others, 1,024 as Anthropic long documented. The
     * session log's cache_prediction events show where this is wrong.
     */
    static int minCacheableTokens(String model) {
        return model.startsWith("claude-opus-4-5") || model.startsWith("claude-opus-4-6") || model.startsWith("claude-haiku-4-5")
                ? 4_096 : ANTHROPIC_MIN_CACHEABLE_TOKENS;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        cachedPrefixes.values().removeIf(lastUsed -> lastUsed.plus(ttl).isBefore(at));
        PromptBlocks prompt = PromptBlocks.of(window, counter);
        List<Object> blocks = prompt.blocks();
        long[] prefixTokens = prompt.prefixTokens();
        List<Integer> ends = window.breakpoints().stream()
                .map(b -> window.tools().size() + b.messages())
                .filter(end -> prefixTokens[end] >= minCacheableTokens)
                .toList();
        long total = prefixTokens[blocks.size()];
        if (ends.isEmpty()) {
            return new Usage(total, 0, 0, outputTokens, 0);
        }
        int read = 0;
        for (int end : ends) {
            read = Math.max(read, longestCachedPrefix(blocks, end, read));
        }
        int lastEnd = ends.get(ends.size() - 1);
        // What is read, and every prefix this request marks, is fresh from now on.
        if (read > 0) {
            cachedPrefixes.put(List.copyOf(blocks.subList(0, read)), at);
        }
        ends.forEach(end -> cachedPrefixes.put(List.copyOf(blocks.subList(0, end)), at));
        long readTokens = prefixTokens[read];
        return new Usage(total - prefixTokens[lastEnd], prefixTokens[lastEnd] - readTokens, readTokens, outputTokens, 0);
    }

    /** What the breakpoints could not read they write again. */
    @Override
    public Usage servedAtMost(Usage predicted, long served) {
        long lost = Math.max(0, predicted.cacheRead() - served);
        return new Usage(predicted.uncachedInput(), predicted.cacheWrite() + lost, predicted.cacheRead() - lost,
                predicted.output(), predicted.reasoning(), predicted.cacheWrite1h());
    }

    /** The end of the longest cached prefix of {@code blocks} within lookback of {@code breakpoint}, at least {@code atLeast}. */
    private int longestCachedPrefix(List<Object> blocks, int breakpoint, int atLeast) {
        int best = atLeast;
        for (List<Object> cached : cachedPrefixes.keySet()) {
            int end = cached.size();
            boolean inReach = end <= breakpoint && end >= breakpoint - lookbackBlocks;
            if (inReach && end > best && blocks.subList(0, end).equals(cached)) {
                best = end;
            }
        }
        return best;
    }
}
