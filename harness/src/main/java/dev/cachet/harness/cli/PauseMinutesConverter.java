package dev.cachet.harness.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/** How many minutes longer a replayed session idles: up to a year, past which every cache has long expired. */
final class PauseMinutesConverter implements CommandLine.ITypeConverter<Double> {
    private static final BigDecimal MAX = BigDecimal.valueOf(525_600);

    @Override
    public Double convert(String value) {
        return PositiveDecimals.parse(value, MAX, "minutes", "4.5");
    }
}
