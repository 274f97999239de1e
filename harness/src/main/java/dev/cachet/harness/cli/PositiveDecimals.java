package dev.cachet.harness.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/**
 * Amounts from the command line above 0 and up to a bound, refused at parse time so that the error names the flag.
 * Plain decimals only: Java's own parser would take NaN, Infinity and 1e3.
 */
final class PositiveDecimals {
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,15}(\\.\\d*)?|\\.\\d+)");

    private PositiveDecimals() {}

    /** @param unit what the amount counts, such as "US dollars"; @param example a value to show, such as "0.50" */
    static double parse(String value, BigDecimal max, String unit, String example) {
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a number of " + unit + " such as " + example);
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw new TypeConversionException("must be more than 0, got " + text);
        }
        if (amount.compareTo(max) > 0) {
            throw new TypeConversionException("'" + text + "' is more than " + max.toPlainString() + " " + unit);
        }
        return amount.doubleValue();
    }
}
