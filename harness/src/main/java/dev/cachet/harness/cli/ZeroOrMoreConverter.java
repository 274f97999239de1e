package dev.cachet.harness.cli;

import picocli.CommandLine;

/** A count for which 0 means none; an option that takes it says so in its help. */
final class ZeroOrMoreConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return (int) WholeNumbers.parse(value, 0, Integer.MAX_VALUE);
    }
}
