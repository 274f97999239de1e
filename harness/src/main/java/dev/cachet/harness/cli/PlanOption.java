package dev.cachet.harness.cli;

import picocli.CommandLine.Option;

/** Plan before act, for the commands that start a session. */
final class PlanOption {
    @Option(names = "--plan", description = "Have the model write a plan first, in a turn without tools: numbered "
            + "steps that go into the task state with their status, shown as the agent moves through them.")
    boolean plan;
}
