package dev.cachet.evals.replay;

import dev.cachet.context.window.SharedPrefix;
import dev.cachet.context.window.Window;
import dev.cachet.evals.replay.CacheMiss.Cause;
import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names why a call read less from the prompt cache than the cache held after the last call to its model. What was
 * held is that call's cached prefix (read plus written); a cache that bills no writes (OpenAI, DeepSeek) holds its
 * whole prompt. A shortfall within {@link #SLACK} tokens is no miss: automatic caches count in steps.
 */
final class MissCauses {
    /** OpenAI counts cached tokens in steps of 128. */
    static final long SLACK = 128;

    private MissCauses() {}

    /**
     * A call of a strategy's replay, where both windows are known; {@code restarted} where the window followed the
     * original harness in starting its context anew (the transcript does).
     */
    static Optional<CacheMiss> of(Window previous, Usage previousUsage, Window window, Usage usage, CallClock clock,
            boolean restarted) {
        long lost = lost(previousUsage, usage);
        if (lost <= 0) {
            return Optional.empty();
        }
        if (clock.cold()) {
            return Optional.of(expired(lost, clock));
        }
        if (restarted) {
            return Optional.of(restart(lost));
        }
        List<Object> sent = blocks(previous);
        int changed = SharedPrefix.length(sent, blocks(window));
        if (changed < sent.size()) {
            return Optional.of(window.compaction().isPresent()
                    ? new CacheMiss(Cause.COMPACTION, lost, "compaction (" + window.compaction().get().kind()
                            + ") from block " + changed)
                    : new CacheMiss(Cause.PREFIX_CHANGED, lost, "prefix changed at block " + changed));
        }
        if (cachedNothing(previousUsage)) {
            return Optional.of(belowMinimum(lost));
        }
        return Optional.of(new CacheMiss(Cause.LOOKBACK, lost, "the cached prefix lay beyond the breakpoints' lookback"));
    }

    /**
     * A call of the recorded bill: only the time and the log's compactions ({@code restarted}: the harness started its
     * context anew before the call) tell a cause, and, where the bill shows its cache writes, a call before which
     * nothing was written or read had nothing cached to read; any other miss is the provider's.
     */
    static Optional<CacheMiss> recorded(Usage previousUsage, Usage usage, CallClock clock, boolean writesBilled,
            boolean restarted) {
        long lost = lost(previousUsage, usage);
        if (lost <= 0) {
            return Optional.empty();
        }
        if (writesBilled && cachedNothing(previousUsage)) {
            return Optional.of(belowMinimum(lost));
        }
        if (clock.cold()) {
            return Optional.of(expired(lost, clock));
        }
        return Optional.of(restarted ? restart(lost)
                : new CacheMiss(Cause.PROVIDER, lost, "read less than was cached " + clock.idle().toSeconds()
                        + " s before: the provider's cache, or a change the log does not show"));
    }

    /** A call after which the original harness started its context anew: all after its cached tools and system. */
    static CacheMiss restart(long lost) {
        return new CacheMiss(Cause.COMPACTION, lost, "the original harness compacted its context here");
    }

    /**
     * The first call to a model ({@code to}) after a call to another ({@code from}): what that call cached belongs to
     * the other model's cache.
     */
    static Optional<CacheMiss> switched(Usage previousUsage, Usage usage, String from, String to) {
        long lost = lost(previousUsage, usage);
        return lost <= 0 ? Optional.empty() : Optional.of(new CacheMiss(Cause.MODEL_SWITCH, lost,
                "switched from " + from + " to " + to + ", which caches apart"));
    }

    private static long lost(Usage previous, Usage now) {
        long held = previous.cacheWrite() > 0 ? previous.cacheRead() + previous.cacheWrite() : previous.input();
        long lost = held - now.cacheRead();
        return lost > SLACK && lost > held / 100 ? lost : 0;
    }

    /** A call that neither read nor wrote the cache, under breakpoints: its prompt was too short to cache. */
    private static boolean cachedNothing(Usage usage) {
        return usage.cacheRead() + usage.cacheWrite() == 0;
    }

    private static CacheMiss belowMinimum(long lost) {
        return new CacheMiss(Cause.BELOW_MINIMUM, lost, "below the model's minimum cacheable prompt");
    }

    private static CacheMiss expired(long lost, CallClock clock) {
        return new CacheMiss(Cause.EXPIRED, lost, "TTL expired after " + clock.idle().toMinutes() + " min idle");
    }

    private static List<Object> blocks(Window window) {
        List<Object> blocks = new ArrayList<>(window.tools());
        blocks.addAll(window.messages());
        return blocks;
    }
}
