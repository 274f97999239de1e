package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SessionOutcome;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.PricedClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a coding task in a workspace: the agent reads, edits and runs commands there until it calls finish "
                    + "or a limit stops it.",
            "Each turn prints one line; the session log goes to <workspace>/.cachet/sessions/<id>.jsonl."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent finished", "1:bad usage",
            "2:bad input (workspace, model, recording, missing API key), or the session log cannot be written",
            "3:the model provider failed", "4:a limit stopped the session", "130:Ctrl-C or SIGTERM stopped the session"})
final class RunCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "TASK", description = "What the agent should do, e.g. \"fix the failing test\".")
    String task;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory the agent works in; it cannot read or write outside it. Default: the current directory.")
    Path workspace;

    @Mixin
    ModelOptions model;

    @Mixin
    SessionOptions options;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        RunSpec run = options.runSpec(workspace.toAbsolutePath(), task, config(), environment(), out, err());
        PricedClient client = harness.open(model.spec(), err()::println);
        StopRequest stop = new StopRequest();
        try (SignalStop signals = root.signals(stop, err())) {
            SessionOutcome outcome = harness.run(run, client, LiveReporter.resumable(out, workspace), stop);
            return ExitCodes.after(outcome.result().reason());
        }
    }
}
