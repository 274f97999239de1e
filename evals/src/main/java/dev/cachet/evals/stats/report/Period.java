package dev.cachet.evals.stats.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A length of calendar time that a usage report adds calls up by, in the user's time zone. */
public enum Period {
    /** Labelled {@code 2026-01-05}. */
    DAILY,
    /** Monday to Sunday, as ISO weeks run; labelled by its Monday, {@code 2026-01-05}. */
    WEEKLY,
    /** Labelled {@code 2026-01}. */
    MONTHLY;

    /** The label of the period that holds {@code day}; labels sort as the periods do. */
    public String label(LocalDate day) {
        return switch (this) {
            case DAILY -> day.toString();
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTHLY -> day.toString().substring(0, 7);
        };
    }
}
