package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import java.time.Clock;
import picocli.CommandLine.Command;

@Command(name = "cachet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "A coding agent harness that manages its context window to keep prompt caches warm and token bills low.",
            "",
            "Start with 'cachet demo': it fixes a real bug offline, with no API key."
        },
        subcommands = {DemoCommand.class, RunCommand.class, StrategiesCommand.class, ToolsCommand.class},
        commandListHeading = "%nCommands:%n")
final class CachetCommand {
    private final Clock clock;
    private Harness harness;

    CachetCommand(Clock clock) {
        this.clock = clock;
    }

    /** Built on first use, so --help and --version start fast. */
    Harness harness() {
        if (harness == null) {
            harness = new Harness(clock);
        }
        return harness;
    }
}
