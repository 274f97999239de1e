package dev.cachet.evals.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What-if changes to when a replay's calls are made: pauses before chosen calls, and keep-alive pings that re-read
 * the cached prefix while the session idles (as often as a live session would for the cache's TTL, see
 * {@link dev.cachet.providers.ModelSpec#keepAliveInterval(Duration)}), at most {@code keepAlivePings} per pause.
 *
 * @param pauses         extra idle time before a call, by call number (1-based); every later call moves with it
 */
public record ReplayTiming(Map<Integer, Duration> pauses, int keepAlivePings) {
    /** The calls at the times their log recorded, without pings. */
    public static final ReplayTiming RECORDED = new ReplayTiming(Map.of(), 0);

    public ReplayTiming {
        pauses = Map.copyOf(pauses);
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
