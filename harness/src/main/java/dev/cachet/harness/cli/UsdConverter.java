package dev.cachet.harness.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/** A budget in US dollars: above 0 (nothing stops before the first call) and at most a million (more is a typo). */
final class UsdConverter implements CommandLine.ITypeConverter<Double> {
    private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000);

    @Override
    public Double convert(String value) {
        return PositiveDecimals.parse(value, MAX, "US dollars", "0.50");
    }
}
