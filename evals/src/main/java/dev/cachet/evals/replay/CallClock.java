package dev.cachet.evals.replay;

import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * When each call of a replay is made: the log's time (else a think time after the previous call), later by the
 * pauses asked for; which pings kept the cache warm before it; and whether the cache had expired. A clock, so the
 * strategy under replay reads the time of the call it renders, as it reads the wall clock in a live session.
 *
 * <p>A run that switches models has a cache per model: a call is idle since its own model's last use, and cold by
 * the lifetime of what that model's cache last kept; the first call to a model is neither (it finds nothing).
 */
final class CallClock extends Clock {
    /** The key of a run's only cache. */
    private static final String ONE_CACHE = "";

    private final IntFunction<String> cacheOf;
    private final IntFunction<Duration> lifetime;
    private final Supplier<Duration> longest;
    private final Supplier<Duration> pingInterval;
    private final ReplayTiming timing;
    /** The pings a log records before each call (by its index from 0), where they are followed rather than timed. */
    private Optional<Map<Integer, List<Instant>>> logged = Optional.empty();
    private Duration ttl;
    private int call;
    private Instant recorded;
    private Instant at;
    private Duration paused = Duration.ZERO;
    private List<Instant> pings = List.of();
    private Duration idle = Duration.ZERO;
    /** When each cache was last used: its model's last call, or a ping after it. */
    private final Map<String, Instant> lastUse = new HashMap<>();
    private String previousCache;

    /** A cache whose prefixes all live {@code ttl} unused. */
    CallClock(Duration ttl, ReplayTiming timing) {
        this(call -> ONE_CACHE, call -> ttl, () -> ttl, () -> ModelSpec.keepAliveInterval(ttl), timing);
    }

    /**
     * The cache a strategy's run is billed through, whose lifetime may be each request's own; pings keep its shortest
     * lifetime warm, as a live session's do ({@link ModelSpec#keepAliveInterval()}). Each is read when it is needed.
     * A run that switches models: pings keep the cache of the last call's model warm, and a call is judged by its own
     * model's cache ({@link SwitchingCache#cacheOf}).
     */
    CallClock(SwitchingCache cache, ReplayTiming timing) {
        this(cache::cacheOf, cache::lifetimeOf, cache::ttl,
                () -> ModelSpec.keepAliveInterval(cache.shortestLifetime()), timing);
    }

    /**
     * A recorded bill's calls at {@code recorded}'s times ({@link ReplayTiming#asRecorded}), without pings: each may
     * find cold what the last call to the same cache ({@code cacheOf} a call from 0) left there, {@code lifetime}
     * telling for how long, at most {@code longest}.
     */
    CallClock(IntFunction<String> cacheOf, IntFunction<Duration> lifetime, Duration longest, ReplayTiming recorded) {
        this(cacheOf, lifetime, () -> longest, () -> longest, recorded);
    }

    private CallClock(IntFunction<String> cacheOf, IntFunction<Duration> lifetime, Supplier<Duration> longest,
            Supplier<Duration> pingInterval, ReplayTiming timing) {
        this.cacheOf = cacheOf;
        this.lifetime = lifetime;
        this.longest = longest;
        this.pingInterval = pingInterval;
        this.timing = timing;
        this.ttl = lifetime.apply(0);
    }

    /** This clock pinging when the log says its harness pinged, before each call (by its index from 0). */
    CallClock followingPings(Map<Integer, List<Instant>> byCall) {
        logged = Optional.of(Map.copyOf(byCall));
        return this;
    }

    /** Moves to the next call. */
    void next(TrajectoryTurn turn) {
        String cache = cacheOf.apply(call);
        // The lifetime of what the last call to this call's cache left there: what this call may find cold.
        ttl = lifetime.apply(call);
        call++;
        Instant previous = at;
        recorded = turn.at().orElse(recorded == null ? Instant.EPOCH : recorded.plus(timing.thinkTime()));
        paused = paused.plus(timing.pauseBefore(call));
        at = recorded.plus(paused);
        // A ping re-sends the previous call: it keeps that call's cache warm.
        int index = call - 1;
        pings = previous == null ? List.of() : logged.map(byCall -> byCall.getOrDefault(index, List.of()))
                .orElseGet(() -> timing.pings(previous, at, pingInterval.get()));
        if (!pings.isEmpty()) {
            lastUse.put(previousCache, pings.get(pings.size() - 1));
        }
        Instant used = lastUse.get(cache);
        idle = used == null ? Duration.ZERO : Duration.between(used, at);
        lastUse.put(cache, at);
        previousCache = cache;
    }

    /**
     * Moves past the longest lifetime of the cache's prefixes since the last call, with no ping: as a session resumed
     * after a long pause. Only for a cache that keeps prompts, whose TTL is finite.
     */
    void expire() {
        Duration kept = longest.get();
        at = at.plus(kept).plusSeconds(1);
        idle = kept.plusSeconds(1);
        pings = List.of();
    }

    /** Whether the cache's TTL passed between its last use (the previous call, or a ping) and this call. */
    boolean cold() {
        return idle.compareTo(ttl) > 0;
    }

    /** How long the cache was unused before this call. */
    Duration idle() {
        return idle;
    }

    /** The keep-alive pings sent before this call, in order. */
    List<Instant> pings() {
        return pings;
    }

    @Override
    public Instant instant() {
        return at == null ? Instant.EPOCH : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay's clock is UTC");
    }
}
