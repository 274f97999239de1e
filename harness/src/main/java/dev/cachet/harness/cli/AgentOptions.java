package dev.cachet.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where and how the agent runs: its workspace, its model, and the session's strategy, limits and sandbox. */
final class AgentOptions {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "The directory the agent works in (it cannot read or write outside it), which keeps its "
                    + "sessions. Default: the current directory.")
    Path workspace;

    @Mixin
    ModelOptions model;

    @Mixin
    SessionOptions session;

    Path workspace() {
        return workspace.toAbsolutePath().normalize();
    }
}
