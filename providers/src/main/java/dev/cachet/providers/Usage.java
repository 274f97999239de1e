package dev.cachet.providers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens billed for one request, or a sum of requests, in cachet's one vocabulary. {@link #input()} is the sum of
 * the three input kinds, whatever a provider calls input on the wire.
 */
public record Usage(
        @JsonProperty("uncached_input_tokens") long uncachedInput,
        @JsonProperty("cache_write_tokens") long cacheWrite,
        @JsonProperty("cache_read_tokens") long cacheRead,
        @JsonProperty("output_tokens") long output,
        @JsonProperty("reasoning_tokens") long reasoning) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    @JsonProperty("input_tokens")
    public long input() {
        return uncachedInput + cacheWrite + cacheRead;
    }

    @JsonIgnore
    public long total() {
        return input() + output;
    }

    public Usage plus(Usage other) {
        return new Usage(
                uncachedInput + other.uncachedInput,
                cacheWrite + other.cacheWrite,
                cacheRead + other.cacheRead,
                output + other.output,
                reasoning + other.reasoning);
    }
}
