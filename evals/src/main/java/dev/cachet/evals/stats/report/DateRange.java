package dev.cachet.evals.stats.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The days a report covers, both ends included, in the user's time zone: {@code --since} and {@code --until}.
 *
 * @param since the first day, or empty for no lower bound
 * @param until the last day, or empty for no upper bound
 */
public record DateRange(Optional<LocalDate> since, Optional<LocalDate> until, ZoneId zone) {
    public DateRange {
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new IllegalArgumentException("--until " + until.get() + " is before --since " + since.get());
        }
    }

    /** Whether it has neither bound, so holds every call. */
    public boolean unbounded() {
        return since.isEmpty() && until.isEmpty();
    }

    /** Whether a call made at {@code at} falls on one of the days; a call of unknown time falls only in an open range. */
    public boolean contains(Optional<Instant> at) {
        if (at.isEmpty()) {
            return unbounded();
        }
        LocalDate day = LocalDate.ofInstant(at.get(), zone);
        return since.map(first -> !day.isBefore(first)).orElse(true) && until.map(last -> !day.isAfter(last)).orElse(true);
    }
}
