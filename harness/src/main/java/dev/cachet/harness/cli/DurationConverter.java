package dev.cachet.harness.cli;

import dev.cachet.context.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations the way people write them: 90s, 30m, 2h. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        if (ZeroOrMoreDurationConverter.ZERO.matcher(value.trim()).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "': the duration must be more than 0");
        }
        return Durations.parse(value).orElseThrow(() ->
                new CommandLine.TypeConversionException("'" + value + "' is not " + Durations.EXAMPLE));
    }
}
