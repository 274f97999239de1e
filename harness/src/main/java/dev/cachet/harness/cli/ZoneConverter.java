package dev.cachet.harness.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine;

/** Reads a time zone by its IANA name (Europe/Paris) or offset (+02:00, UTC). */
final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time zone such as Europe/Paris, "
                    + "UTC or +02:00");
        }
    }
}
