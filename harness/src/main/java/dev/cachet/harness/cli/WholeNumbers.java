package dev.cachet.harness.cli;

import java.math.BigInteger;
import picocli.CommandLine.TypeConversionException;

/** Whole numbers from the command line within bounds, refused at parse time so that the error names the flag. */
final class WholeNumbers {
    private WholeNumbers() {}

    static long parse(String value, long min, long max) {
        BigInteger number;
        try {
            number = new BigInteger(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException("must be at least " + min + ", got " + number);
        }
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("'" + value.trim() + "' is too large; at most " + max);
        }
        return number.longValueExact();
    }
}
