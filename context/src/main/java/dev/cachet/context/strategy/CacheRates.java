package dev.cachet.context.strategy;

/**
 * What a cache write and a cache read cost, as multiples of the uncached input price. Anthropic's 5-minute cache:
 * write 1.25, read 0.1.
 */
public record CacheRates(double write, double read) {
    public static final CacheRates ANTHROPIC = new CacheRates(1.25, 0.10);

    public CacheRates {
        if (!(read >= 0 && read <= write)) {
            throw new IllegalArgumentException("cache rates must satisfy 0 <= read <= write, got read " + read + ", write " + write);
        }
    }
}
