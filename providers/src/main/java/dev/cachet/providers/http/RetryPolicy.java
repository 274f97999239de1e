package dev.cachet.providers.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When to try a provider request again and how long to wait first: on rate limits (429), overload (529),
 * server errors (5xx) and broken connections, up to {@code maxAttempts} in all. The wait honours a
 * {@code retry-after} the server sent; otherwise it doubles from {@code base} up to {@code cap}, plus jitter so
 * that many clients do not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.getDefault());

    private static final Set<Integer> RETRIED = Set.of(408, 409, 429, 529);

    public static boolean retryable(int status) {
        return RETRIED.contains(status) || status >= 500;
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed (1-based). */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(cap) > 0 ? cap : retryAfter.get();
        }
        long exponential = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long jitter = random.nextLong(Math.max(1, exponential / 2 + 1));
        return Duration.ofMillis(Math.min(cap.toMillis(), exponential + jitter));
    }

    /** Reads a {@code retry-after} header in seconds; HTTP dates and garbage are ignored. */
    public static Optional<Duration> parseRetryAfter(Optional<String> header) {
        try {
            return header.map(String::strip).map(Double::parseDouble).filter(s -> s >= 0)
                    .map(s -> Duration.ofMillis((long) (s * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
