package dev.cachet.context.strategy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cache write and a cache read cost, as multiples of the uncached input price, and how long a cached prefix
 * lives unread. Anthropic's 5-minute cache: write 1.25, read 0.1.
 *
 * @param longPrompt where the model bills a long prompt more: every token of such a request costs its factor times
 *                   these rates (Anthropic's cache multipliers apply on top of its long-context input price)
 */
public record CacheRates(double write, double read, Duration ttl, Optional<LongPrompt> longPrompt) {
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
        Objects.requireNonNull(longPrompt, "longPrompt");
    }

    /** A request whose prompt passes {@code aboveTokens} costs {@code factor} times as much, every token of it. */
    public record LongPrompt(long aboveTokens, double factor) {}

    /** Rates the same at any prompt length. */
    public CacheRates(double write, double read, Duration ttl) {
        this(write, read, ttl, Optional.empty());
    }

    /** Rates of a cache that keeps prefixes for {@link #DEFAULT_TTL}. */
    public CacheRates(double write, double read) {
        this(write, read, DEFAULT_TTL);
    }

    /** What every token of a request whose prompt is {@code promptTokens} long costs, over these rates. */
    public double factor(long promptTokens) {
        return longPrompt.filter(tier -> promptTokens > tier.aboveTokens()).map(LongPrompt::factor).orElse(1.0);
    }
}
