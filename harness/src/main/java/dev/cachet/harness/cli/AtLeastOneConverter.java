package dev.cachet.harness.cli;

import picocli.CommandLine;

/** A count that must be 1 or more: turns, jobs, repeats, processes. */
final class AtLeastOneConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return (int) WholeNumbers.parse(value, 1, Integer.MAX_VALUE);
    }
}
