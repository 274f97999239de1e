package dev.cachet.harness.resume;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The clock a resumed session's strategy reads. While its log is replayed, the time each window was logged at, so
 * the strategy remembers when the calls were made (hybrid's cost model knows from that whether the cache expired);
 * then the live clock's, so the first call after the resume sees the real pause since the last one.
 */
public final class RebuildClock extends Clock {
    private final Clock live;
    private volatile Optional<Instant> logged = Optional.empty();

    public RebuildClock(Clock live) {
        this.live = live;
    }

    /** The window being rendered again was logged at {@code at}. */
    void replaying(Instant at) {
        logged = Optional.of(at);
    }

    /** The log is replayed: the session goes on live. */
    void live() {
        logged = Optional.empty();
    }

    @Override
    public Instant instant() {
        return logged.orElseGet(live::instant);
    }

    @Override
    public ZoneId getZone() {
        return live.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a resumed session's clock keeps the live clock's zone");
    }
}
