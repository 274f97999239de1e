package dev.cachet.harness.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A switch as the user writes it in a list: {@code on} or {@code off}. */
final class OnOffConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new TypeConversionException("'" + value + "' is neither on nor off");
        };
    }
}
