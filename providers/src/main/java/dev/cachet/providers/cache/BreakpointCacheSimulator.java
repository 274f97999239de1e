package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.window.Window;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
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
 * or one message. A cached prefix lives for its lifetime after it was last written or read, so a pause longer than
 * that makes the next request write it again. The lifetime is the one the session's requests ask for (5 minutes
 * or 1 hour), or under auto each request's own choice ({@link AutoLifetime}): a request marks all its breakpoints
 * with one lifetime, which keeps Anthropic's rule that 1-hour breakpoints come before 5-minute ones, and a prefix
 * it reads keeps the lifetime it was written with (the cache keys a prefix by its content, not by the marker).
 */
public final class BreakpointCacheSimulator implements CacheSimulator {
    public static final int ANTHROPIC_MIN_CACHEABLE_TOKENS = 1024;
    public static final int ANTHROPIC_LOOKBACK_BLOCKS = 20;

    private final TokenCounter counter;
    private final int minCacheableTokens;
    private final int lookbackBlocks;
    private final CacheLifetime lifetimes;
    private final LifetimeRule rule;
    private final Map<List<Object>, Entry> cachedPrefixes = new HashMap<>();
    private Duration lifetime;
    /** The lifetime the last request marked its breakpoints with: what a write of its prompt would be for. */
    private Duration marked;

    private record Entry(Instant lastUsed, Duration lifetime) {
        boolean expiredBy(Instant at) {
            return lastUsed.plus(lifetime).isBefore(at);
        }
    }

    private BreakpointCacheSimulator(TokenCounter counter, int minCacheableTokens, int lookbackBlocks,
            CacheLifetime lifetimes, LifetimeRule rule) {
        this.counter = counter;
        this.minCacheableTokens = minCacheableTokens;
        this.lookbackBlocks = lookbackBlocks;
        this.lifetimes = lifetimes;
        this.rule = rule;
        this.lifetime = lifetimes.shortest();
        this.marked = lifetime;
    }

    public BreakpointCacheSimulator(TokenCounter counter, int minCacheableTokens, int lookbackBlocks) {
        this(counter, minCacheableTokens, lookbackBlocks, CacheLifetime.FIVE_MINUTES,
                LifetimeRule.fixed(CacheLifetime.FIVE_MINUTES.shortest()));
    }

    public static BreakpointCacheSimulator anthropic(TokenCounter counter) {
        return new BreakpointCacheSimulator(counter, ANTHROPIC_MIN_CACHEABLE_TOKENS, ANTHROPIC_LOOKBACK_BLOCKS);
    }

    /**
     * Anthropic's cache for one model, with the lifetime the requests ask for (5 minutes, 1 hour, or auto, which
     * weighs the model's listed {@code price}).
     */
    public static BreakpointCacheSimulator anthropic(TokenCounter counter, String model, CacheLifetime lifetimes,
            ModelPrice price) {
        return new BreakpointCacheSimulator(counter, minCacheableTokens(model), ANTHROPIC_LOOKBACK_BLOCKS, lifetimes,
                LifetimeRule.of(lifetimes, price));
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
        return lifetimes.longest();
    }

    @Override
    public Duration shortestLifetime() {
        return lifetimes.shortest();
    }

    /** How long the longest prefix the last request left cached lives unused: what its breakpoints are marked with. */
    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        cachedPrefixes.values().removeIf(entry -> entry.expiredBy(at));
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
        long readTokens = prefixTokens[read];
        long written = prefixTokens[lastEnd] - readTokens;
        Duration chosen = rule.choose(readTokens, written, at);
        marked = chosen;
        // What is read, and every prefix this request marks, is fresh from now on: what it read (or lies within
        // what it read) at the lifetime that was written with, what it writes at the one it chose.
        // The prefix read is a key already (only a key is read): looked up as it stands, not copied.
        Duration readLifetime = read == 0 ? chosen : cachedPrefixes.computeIfPresent(blocks.subList(0, read),
                (prefix, entry) -> new Entry(at, entry.lifetime())).lifetime();
        for (int end : ends) {
            Duration kept = end > read ? chosen : readLifetime;
            lifetime = cachedPrefixes.compute(List.copyOf(blocks.subList(0, end)),
                    (prefix, earlier) -> new Entry(at, earlier == null ? kept : earlier.lifetime())).lifetime();
        }
        return new Usage(total - prefixTokens[lastEnd], written, readTokens, outputTokens, 0,
                AutoLifetime.ONE_HOUR.equals(chosen) ? written : 0);
    }

    @Override
    public void served(long predictedRead, double share) {
        rule.served(predictedRead, share);
    }

    /** What the breakpoints could not read they write again, at the lifetime the request marked them with. */
    @Override
    public Usage servedAtMost(Usage predicted, long served) {
        long lost = Math.max(0, predicted.cacheRead() - served);
        return new Usage(predicted.uncachedInput(), predicted.cacheWrite() + lost, predicted.cacheRead() - lost,
                predicted.output(), predicted.reasoning(),
                predicted.cacheWrite1h() + (AutoLifetime.ONE_HOUR.equals(marked) ? lost : 0));
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
