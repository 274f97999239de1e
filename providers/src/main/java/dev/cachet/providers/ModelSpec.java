package dev.cachet.providers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The model a session calls, parsed once where the user named it: {@code provider:name}, the provider's address when
 * it is not the provider's own, and how long the provider keeps cached prefixes. The lifetime travels only here: the
 * client sends it, the price bills it, the cache simulator expires by it.
 */
public record ModelSpec(String provider, String name, Optional<String> baseUrl, CacheLifetime cacheTtl) {
    public static final CacheLifetime FIVE_MINUTES = CacheLifetime.FIVE_MINUTES;
    public static final CacheLifetime ONE_HOUR = CacheLifetime.ONE_HOUR;

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** {@code provider:name}, as on the command line. */
    public static ModelSpec parse(String text, Optional<String> baseUrl, CacheLifetime cacheTtl) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ModelSpecException("model '" + text + "' needs a provider and a name, e.g. anthropic:claude-sonnet-4-6"
                    + (text.equals("replay") ? ", or replay:<session.jsonl> to answer from a recorded session" : ""));
        }
        return new ModelSpec(text.substring(0, colon), text.substring(colon + 1), baseUrl, cacheTtl);
    }

    /** The same model with its cache kept for {@code lifetime}. */
    public ModelSpec withCacheTtl(CacheLifetime lifetime) {
        return new ModelSpec(provider, name, baseUrl, lifetime);
    }

    /** Whether every write is for an hour, billed at that rate throughout; under auto each usage says which were. */
    public boolean cachesForAnHour() {
        return ONE_HOUR.equals(cacheTtl);
    }

    /**
     * How often a keep-alive re-reads this model's cached prefix: {@link #keepAliveInterval(Duration)} of its shortest
     * lifetime, which keeps every prefix it may have written warm.
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval(cacheTtl.shortest());
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
