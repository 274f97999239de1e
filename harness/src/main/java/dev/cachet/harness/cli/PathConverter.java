package dev.cachet.harness.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path on the command line: an empty one is refused, where the JDK would read it as the current directory
 * (an unset variable in a script would then aim cachet at wherever it was started).
 */
final class PathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("empty path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
        }
    }
}
