package dev.cachet.harness.cli;

import picocli.CommandLine;

/** A task for the agent: any text but a blank one, which would send the model nothing to do. */
final class TaskConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("the task is empty; say what the agent should do");
        }
        return value;
    }
}
