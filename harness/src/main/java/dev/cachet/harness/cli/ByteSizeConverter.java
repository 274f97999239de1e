package dev.cachet.harness.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads sizes the way ulimit and the JVM take them: 512m, 8g, 64k, 1t, or plain bytes; units are binary, and may be
 * written as 512mb or 512MiB too, which people write and which cannot mean anything else.
 */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(?:([kmgt])(?:i?b)?|b)?");

    @Override
    public Long convert(String value) {
        Matcher size = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!size.matches() || Long.parseLong(size.group(1)) == 0) {
            throw notASize(value);
        }
        String unit = size.group(2);
        long unitBytes = unit == null ? 1 : 1L << (10 * ("kmgt".indexOf(unit) + 1));
        try {
            return Math.multiplyExact(Long.parseLong(size.group(1)), unitBytes);
        } catch (ArithmeticException e) {
            throw notASize(value);
        }
    }

    private static CommandLine.TypeConversionException notASize(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a size such as 512m or 8g");
    }
}
