package dev.cachet.evals.replay;

import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * When each call of a replay is made: the log's time (else a think time after the previous call), later by the
 * pauses asked for; which pings kept the cache warm before it; and whether the cache had expired. A clock, so the
 * strategy under replay reads the time of the call it renders, as it reads the wall clock in a live session.
 */
final class CallClock extends Clock {
    /** When a log does not say when a call was made: a typical pause between an agent's model calls. */
    static final Duration THINK_TIME = Duration.ofSeconds(20);

    private final Supplier<Duration> lifetime;
    private final Supplier<Duration> longest;
    private final Supplier<Duration> pingInterval;
    private final ReplayTiming timing;
    private Duration ttl;
    private int call;
    private Instant recorded;
    private Instant at;
    private Duration paused = Duration.ZERO;
    private List<Instant> pings = List.of();
    private Duration idle = Duration.ZERO;

    /** A cache whose prefixes all live {@code ttl} unused. */
    CallClock(Duration ttl, ReplayTiming timing) {
        this(() -> ttl, () -> ttl, () -> ModelSpec.keepAliveInterval(ttl), timing);
    }

    /**
     * The cache a strategy's run is billed through, whose lifetime may be each request's own; pings keep its shortest
     * lifetime warm, as a live session's do ({@link ModelSpec#keepAliveInterval()}). Each is read when it is needed,
     * so that a run that switches models ({@link SwitchingCache}) keeps to the cache of its last call's model.
     */
    CallClock(CacheSimulator cache, ReplayTiming timing) {
        this(cache::lifetime, cache::ttl, () -> ModelSpec.keepAliveInterval(cache.shortestLifetime()), timing);
    }

    /**
     * A recorded bill's calls, without pings: each may find cold what the call before it left cached, {@code lifetime}
     * telling for how long, at most {@code longest}.
     */
    CallClock(Supplier<Duration> lifetime, Duration longest) {
        this(lifetime, () -> longest, () -> longest, ReplayTiming.RECORDED);
    }

    private CallClock(Supplier<Duration> lifetime, Supplier<Duration> longest, Supplier<Duration> pingInterval,
            ReplayTiming timing) {
        this.lifetime = lifetime;
        this.longest = longest;
        this.pingInterval = pingInterval;
        this.timing = timing;
        this.ttl = lifetime.get();
    }

    /** Moves to the next call. */
    void next(TrajectoryTurn turn) {
        call++;
        // The lifetime of what the previous call left cached: what this call may find cold.
        ttl = lifetime.get();
        Instant previous = at;
        recorded = turn.at().orElse(recorded == null ? Instant.EPOCH : recorded.plus(THINK_TIME));
        paused = paused.plus(timing.pauseBefore(call));
        at = recorded.plus(paused);
        pings = previous == null ? List.of() : timing.pings(previous, at, pingInterval.get());
        Instant lastUse = pings.isEmpty() ? previous : pings.get(pings.size() - 1);
        idle = previous == null ? Duration.ZERO : Duration.between(lastUse, at);
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
