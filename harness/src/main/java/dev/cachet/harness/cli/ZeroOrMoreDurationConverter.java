package dev.cachet.harness.cli;

import dev.cachet.context.Durations;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A duration for which 0 (or 0s, 0m, 0h) means no time at all; an option that takes it says so in its help. */
final class ZeroOrMoreDurationConverter implements CommandLine.ITypeConverter<Duration> {
    static final Pattern ZERO = Pattern.compile("0+[smh]?");

    @Override
    public Duration convert(String value) {
        if (ZERO.matcher(value.trim()).matches()) {
            return Duration.ZERO;
        }
        return Durations.parse(value).orElseThrow(() ->
                new CommandLine.TypeConversionException("'" + value + "' is not 0 or " + Durations.EXAMPLE));
    }
}
