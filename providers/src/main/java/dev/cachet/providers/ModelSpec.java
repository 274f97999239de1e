package dev.cachet.providers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The model a session calls, parsed once where the user named it: {@code provider:name}, the provider's address when
 * it is not the provider's own, and how long the provider keeps cached prefixes. The TTL travels only here: the
 * client sends it, the price bills it, the cache simulator expires by it.
 */
public record ModelSpec(String provider, String name, Optional<String> baseUrl, Duration cacheTtl) {
    public static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    public static final Duration ONE_HOUR = Duration.ofHours(1);

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!FIVE_MINUTES.equals(cacheTtl) && !ONE_HOUR.equals(cacheTtl)) {
            throw new ModelSpecException("--cache-ttl must be 5m or 1h (the two lifetimes providers sell), got "
                    + (cacheTtl == null ? "nothing" : cacheTtl.toMinutes() + "m"));
        }
    }

    /** {@code provider:name}, as on the command line. */
    public static ModelSpec parse(String text, Optional<String> baseUrl, Duration cacheTtl) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ModelSpecException("model '" + text + "' needs a provider and a name, e.g. anthropic:claude-sonnet-4-6");
        }
        return new ModelSpec(text.substring(0, colon), text.substring(colon + 1), baseUrl, cacheTtl);
    }

    public boolean cachesForAnHour() {
        return ONE_HOUR.equals(cacheTtl);
    }

    /** How often a keep-alive re-reads this model's cached prefix: {@link #keepAliveInterval(Duration)} of its TTL. */
    public Duration keepAliveInterval() {
        return keepAliveInterval(cacheTtl);
    }

    /**
     * How often a keep-alive re-reads a cached prefix of this TTL so that it never expires: a little inside the TTL,
     * leaving room for the request itself, a twelfth of it and at least 30 seconds (4.5 minutes of 5, 55 of 60).
     */
    public static Duration keepAliveInterval(Duration ttl) {
        Duration room = ttl.dividedBy(12);
        return ttl.minus(room.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : room);
    }

    @Override
    public String toString() {
        return provider + ":" + name;
    }
}
