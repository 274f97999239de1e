package dev.cachet.harness.cli;

import dev.cachet.tools.sandbox.SandboxMode;
import picocli.CommandLine;

/** Reads --sandbox by the modes' command line names: read-only, workspace-write, full. */
final class SandboxModeConverter implements CommandLine.ITypeConverter<SandboxMode> {
    @Override
    public SandboxMode convert(String value) {
        try {
            return SandboxMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
