package dev.cachet.harness.cli;

import dev.cachet.harness.bench.McpToolSet;
import picocli.CommandLine;

/** Reads bench tools' --server: the name of a bundled MCP tool set. */
final class McpToolSetConverter implements CommandLine.ITypeConverter<McpToolSet> {
    @Override
    public McpToolSet convert(String value) {
        try {
            return McpToolSet.named(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
