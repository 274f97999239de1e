package dev.cachet.harness.cli;

import picocli.CommandLine;

/** A count that must be 1 or more, refused at parse time so the error names the flag. */
final class AtLeastOneConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int count;
        try {
            count = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (count < 1) {
            throw new CommandLine.TypeConversionException("must be at least 1, got " + count);
        }
        return count;
    }
}
