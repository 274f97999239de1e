package dev.cachet.evals.trace;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse}, with a fast path for the form every Claude Code and Codex line stamps
 * ({@code 2026-03-01T10:00:01.123Z}): the JDK's formatter costs more than the rest of such a line's summary.
 * Anything else, a leap second or a date that does not exist included, is left to {@link Instant#parse}.
 */
final class UtcInstants {
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10,
        1};

    private UtcInstants() {}

    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || !at(text, 4, '-') || !at(text, 7, '-')
                || !at(text, 10, 'T') || !at(text, 13, ':') || !at(text, 16, ':')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (!at(text, 19, '.') || fraction < 1 || fraction > 9) {
                return Instant.parse(text);
            }
            int value = digits(text, 20, fraction);
            nanos = value < 0 ? -1 : value * NANO_SCALE[fraction];
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text);
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return Instant.parse(text); // no such day: the formatter's own error
        }
    }

    private static boolean at(String text, int index, char expected) {
        return index < text.length() && text.charAt(index) == expected;
    }

    /** The number the {@code count} ASCII digits at {@code from} write; -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
