package dev.cachet.evals.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What-if changes to when a replay's calls are made and what meets them: pauses before chosen calls, keep-alive
 * pings that re-read the cached prefix while the session idles (as often as a live session would for the cache's
 * shortest lifetime, see {@link dev.cachet.providers.ModelSpec#keepAliveInterval(Duration)}), at most {@code keepAlivePings} per
 * pause, and whether the provider's own cache misses in the recorded bill are met again; and, for a log that does not
 * say when its calls were made, the time assumed between them.
 *
 * @param pauses         extra idle time before a call, by call number (1-based); every later call moves with it
 * @param providerMisses whether every strategy meets the recorded bill's provider misses ({@link ProviderMisses})
 *                       at the same calls; without them the provider's cache never misses by itself
 * @param thinkTime      the time from one call to the next where the log gives none: an assumption about the log, so
 *                       its recorded bill and the original's replay take it too ({@link #asRecorded})
 */
public record ReplayTiming(Map<Integer, Duration> pauses, int keepAlivePings, boolean providerMisses,
        Duration thinkTime) {
    /** A typical pause between an agent's model calls, where its log does not say when each was made. */
    public static final Duration THINK_TIME = Duration.ofSeconds(20);
    /**
     * The calls at the times their log recorded, without pings, meeting the provider's misses where it did (declared
     * after {@link #THINK_TIME}, which it reads).
     */
    public static final ReplayTiming RECORDED = new ReplayTiming(Map.of(), 0);

    public ReplayTiming {
        pauses = Map.copyOf(pauses);
        if (Objects.requireNonNull(thinkTime, "thinkTime").isNegative()) {
            throw new IllegalArgumentException("a think time must be 0 or more, got " + thinkTime);
        }
        if (keepAlivePings < 0) {
            throw new IllegalArgumentException("keep-alive pings must be 0 or more, got " + keepAlivePings);
        }
        pauses.forEach((call, pause) -> {
            if (call < 1 || pause.isNegative()) {
                throw new IllegalArgumentException("a pause needs a call number from 1 and a length of 0 or more, got "
                        + call + "=" + pause);
            }
        });
    }

    /** Pauses and pings, with the provider's misses met again. */
    public ReplayTiming(Map<Integer, Duration> pauses, int keepAlivePings) {
        this(pauses, keepAlivePings, true, THINK_TIME);
    }

    /** The same timing under a provider whose cache misses only for the reasons a simulator knows. */
    public ReplayTiming withPerfectProviderCache() {
        return new ReplayTiming(pauses, keepAlivePings, false, thinkTime);
    }

    /** The same timing with {@code thinkTime} between calls whose log does not say when they were made. */
    public ReplayTiming withThinkTime(Duration thinkTime) {
        return new ReplayTiming(pauses, keepAlivePings, providerMisses, thinkTime);
    }

    /** The calls as their log recorded them, with no what-if: the think time is kept, as it is not a what-if. */
    public ReplayTiming asRecorded() {
        return RECORDED.withThinkTime(thinkTime);
    }

    Duration pauseBefore(int call) {
        return pauses.getOrDefault(call, Duration.ZERO);
    }

    /** The pings sent every {@code interval} between a call at {@code from} and the next at {@code to}. */
    List<Instant> pings(Instant from, Instant to, Duration interval) {
        List<Instant> pings = new ArrayList<>();
        // A cache that never expires (no prompt cache) needs no ping, and its interval would run past any instant.
        if (interval.compareTo(Duration.between(from, to)) >= 0) {
            return pings;
        }
        for (Instant ping = from.plus(interval); ping.isBefore(to) && pings.size() < keepAlivePings;
                ping = ping.plus(interval)) {
            pings.add(ping);
        }
        return pings;
    }
}
