package dev.cachet.context.strategy;

import java.time.Duration;
import java.util.Objects;

/**
 * What a cache write and a cache read cost, as multiples of the uncached input price, and how long a cached prefix
 * lives unread. Anthropic's 5-minute cache: write 1.25, read 0.1.
 */
public record CacheRates(double write, double read, Duration ttl) {
    /** What a breakpoint without an explicit TTL buys from Anthropic. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final CacheRates ANTHROPIC = new CacheRates(1.25, 0.10);

    public CacheRates {
        if (!(read >= 0 && read <= write)) {
            throw new IllegalArgumentException("cache rates must satisfy 0 <= read <= write, got read " + read + ", write " + write);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache TTL must be positive, got " + ttl);
        }
    }

    /** Rates of a cache that keeps prefixes for {@link #DEFAULT_TTL}. */
    public CacheRates(double write, double read) {
        this(write, read, DEFAULT_TTL);
    }
}
