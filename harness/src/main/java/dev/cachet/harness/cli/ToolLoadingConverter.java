package dev.cachet.harness.cli;

import dev.cachet.tools.catalog.ToolLoading;
import java.util.Locale;
import picocli.CommandLine;

/** Reads --tools: eager or deferred. */
final class ToolLoadingConverter implements CommandLine.ITypeConverter<ToolLoading> {
    @Override
    public ToolLoading convert(String value) {
        try {
            return ToolLoading.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a tool loading; expected eager or deferred");
        }
    }
}
