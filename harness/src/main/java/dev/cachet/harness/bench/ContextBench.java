package dev.cachet.harness.bench;

import com.knuddels.jtokkit.api.Encoding;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times how long each strategy takes to render a window, turn by turn, over a synthetic session, how much it
 * allocates, and what its windows would cost in input under a simulated prompt cache. Every measured run starts from empty token and hash caches, as a real session does; a first run of
 * each strategy warms the JIT and is discarded.
 */
public final class ContextBench {
    private final Encoding encoding;
    private final String systemPrompt;
    private final List<ToolSpec> tools;
    private final List<Message> turns;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public ContextBench(Encoding encoding, String systemPrompt, List<ToolSpec> tools, List<Message> turns) {
        this.encoding = encoding;
        this.systemPrompt = systemPrompt;
        this.tools = List.copyOf(tools);
        this.turns = List.copyOf(turns);
    }

    /**
     * Per-turn figures of one strategy; {@code inputCost} is the session's input bill from the prompt-cache
     * simulator, in uncached-input-token equivalents at Anthropic's cache rates.
     */
    public record Result(String strategy, double p50Millis, double p90Millis, double maxMillis, double meanAllocatedBytes,
            int finalWindowTokens, double inputCost) {}

    public Result run(StrategyInfo info) {
        measure(info);
        return measure(info);
    }

    private Result measure(StrategyInfo info) {
        TokenCounter counter = new TokenCounter(encoding);
        ContextStrategy strategy = info.create(
                new StrategyServices(new WindowFactory(counter), CacheRates.ANTHROPIC, new ExtractiveSummarizer()), info.configure(Map.of()));
        Session session = new Session(systemPrompt, tools, "Make the failing ComponentTest pass.");
        int count = turns.size() / 2;
        long[] nanos = new long[count];
        long allocated = 0;
        int windowTokens = 0;
        long thread = Thread.currentThread().getId();
        CacheSimulator cache = BreakpointCacheSimulator.anthropic(counter);
        double inputCost = 0;
        for (int turn = 0; turn < count; turn++) {
            session.append(turns.get(2 * turn));
            session.append(turns.get(2 * turn + 1));
            long bytesBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            Window window = strategy.render(session);
            nanos[turn] = System.nanoTime() - start;
            allocated += threads.getThreadAllocatedBytes(thread) - bytesBefore;
            windowTokens = window.tokens();
            Usage usage = cache.next(window, 0);
            inputCost += usage.uncachedInput() + CacheRates.ANTHROPIC.write() * usage.cacheWrite()
                    + CacheRates.ANTHROPIC.read() * usage.cacheRead();
        }
        Arrays.sort(nanos);
        return new Result(info.name(), nanos[count / 2] / 1e6, nanos[count * 9 / 10] / 1e6, nanos[count - 1] / 1e6,
                (double) allocated / count, windowTokens, inputCost);
    }
}
