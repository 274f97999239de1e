package dev.cachet.providers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens billed for one request, or a sum of requests, in cachet's one vocabulary. {@link #input()} is the sum of
 * the three input kinds, whatever a provider calls input on the wire.
 *
 * @param cacheWrite1h the part of {@code cacheWrite} written for an hour rather than five minutes, which Anthropic
 *                     bills at a higher rate; 0 where the provider has one rate or the log does not split writes
 *                     (then every write is billed at the 5-minute rate). Written to JSON only when it is not 0, so
 *                     logs and reports of 5-minute sessions read as before.
 */
public record Usage(
        @JsonProperty("uncached_input_tokens") long uncachedInput,
        @JsonProperty("cache_write_tokens") long cacheWrite,
        @JsonProperty("cache_read_tokens") long cacheRead,
        @JsonProperty("output_tokens") long output,
        @JsonProperty("reasoning_tokens") long reasoning,
        @JsonProperty("cache_write_1h_tokens") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long cacheWrite1h) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    public Usage {
        checkHourWrites(cacheWrite, cacheWrite1h);
    }

    /** Refuses counts no usage can hold: 1-hour cache writes are some of the cache writes. */
    public static void checkHourWrites(long cacheWrite, long cacheWrite1h) {
        if (cacheWrite1h < 0 || cacheWrite1h > cacheWrite) {
            throw new IllegalArgumentException("1-hour cache writes (" + cacheWrite1h
                    + ") must lie between 0 and all cache writes (" + cacheWrite + ")");
        }
    }

    /** Usage whose cache writes, if any, are all billed at the 5-minute rate. */
    public Usage(long uncachedInput, long cacheWrite, long cacheRead, long output, long reasoning) {
        this(uncachedInput, cacheWrite, cacheRead, output, reasoning, 0);
    }

    @JsonProperty("input_tokens")
    public long input() {
        return sum(sum(uncachedInput, cacheWrite), cacheRead);
    }

    @JsonIgnore
    public long total() {
        return sum(input(), output);
    }

    /** Cache writes billed at the 5-minute rate. */
    @JsonIgnore
    public long cacheWrite5m() {
        return cacheWrite - cacheWrite1h;
    }

    public Usage plus(Usage other) {
        return new Usage(
                sum(uncachedInput, other.uncachedInput),
                sum(cacheWrite, other.cacheWrite),
                sum(cacheRead, other.cacheRead),
                sum(output, other.output),
                sum(reasoning, other.reasoning),
                sum(cacheWrite1h, other.cacheWrite1h));
    }

    // Counts a provider reports can be as large as a long holds; their sum stays the largest rather than wraps to a
    // negative count (which broke the 1-hour writes' bound, and would put every budget out of reach).
    private static long sum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
