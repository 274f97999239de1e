package dev.cachet.harness.cli;

import picocli.CommandLine;

/** A number of tokens, 1 or more: too many for an int in a long session, so a long. */
final class TokenCountConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return WholeNumbers.parse(value, 1, Long.MAX_VALUE);
    }
}
