package dev.cachet.context;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in flags and files: a positive whole number and s, m or h (90s, 30m, 2h). */
public final class Durations {
    /** The accepted form, for checks that report their own errors. */
    public static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,8})([smh])");
    public static final String EXAMPLE = "a duration like 90s, 30m or 2h";

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** The form {@link #parse} reads back, in the largest unit that holds it whole: 6m, not 360s. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
