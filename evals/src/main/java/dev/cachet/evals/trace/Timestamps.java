package dev.cachet.evals.trace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** Reads the ISO-8601 times that logs write. */
final class Timestamps {
    private Timestamps() {}

    /**
     * The instant an ISO date-time names; empty when it does not parse or has no zone. A zone-less time is the
     * writer's local clock, which the logs never name (OpenHands' corpus files are 8 hours off UTC either way), so
     * guessing UTC would silently shift it.
     */
    static Optional<Instant> instant(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Optional.of(Instant.from(parsed)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date and time a zone-less ISO date-time names on its writer's clock; empty for any other text. */
    static Optional<LocalDateTime> local(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
