package dev.cachet.providers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cachet.context.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * How long a model's requests ask the provider to keep what they write to its prompt cache: the 5 minutes or the
 * hour providers sell, or {@link #AUTO}, each request's own choice from the cost model
 * ({@code dev.cachet.providers.cache.AutoLifetime}).
 */
public enum CacheLifetime {
    FIVE_MINUTES("5m"),
    ONE_HOUR("1h"),
    AUTO("auto");

    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);

    private final String label;

    CacheLifetime(String label) {
        this.label = label;
    }

    /** As {@code --cache-ttl} takes it: auto, or a duration that is 5 minutes or an hour (5m, 300s, 60m, 1h). */
    public static CacheLifetime parse(String text) {
        String given = text.trim();
        if (AUTO.label.equals(given)) {
            return AUTO;
        }
        return Durations.parse(given).flatMap(CacheLifetime::fixedAt).orElseThrow(() -> refused(given));
    }

    /** The fixed lifetime of {@code lifetime}, as a log or a trajectory records it. */
    public static CacheLifetime of(Duration lifetime) {
        return fixedAt(lifetime).orElseThrow(() -> refused(lifetime.toSeconds() + "s"));
    }

    private static Optional<CacheLifetime> fixedAt(Duration lifetime) {
        return Arrays.stream(values()).filter(fixed -> fixed.fixed().filter(lifetime::equals).isPresent()).findFirst();
    }

    private static ModelSpecException refused(String given) {
        return new ModelSpecException("--cache-ttl must be 5m or 1h (the two lifetimes providers sell) or auto "
                + "(each request's from the cost model), got " + given);
    }

    /** The lifetime every request asks for; empty where each request chooses its own. */
    public Optional<Duration> fixed() {
        return switch (this) {
            case FIVE_MINUTES -> Optional.of(FIVE);
            case ONE_HOUR -> Optional.of(HOUR);
            case AUTO -> Optional.empty();
        };
    }

    /** The longest a cached prefix may live unused: past it, nothing of the session's is cached. */
    public Duration longest() {
        return fixed().orElse(HOUR);
    }

    /** The shortest: a keep-alive at its pace keeps every prefix warm, and a pause past it may find one cold. */
    public Duration shortest() {
        return fixed().orElse(FIVE);
    }

    /** As logs and plans record it; {@link #fromJson} also reads the ISO durations older logs hold (PT5M, PT1H). */
    @JsonValue
    @Override
    public String toString() {
        return label;
    }

    @JsonCreator
    static CacheLifetime fromJson(String text) {
        try {
            return text.startsWith("PT") ? of(Duration.parse(text)) : parse(text);
        } catch (DateTimeParseException e) {
            throw refused(text);
        }
    }
}
