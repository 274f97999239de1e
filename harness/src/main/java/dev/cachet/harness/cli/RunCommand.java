package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.providers.PricedClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a coding task in a workspace: the agent reads, edits and runs commands there until it calls finish "
                    + "or a limit stops it.",
            "It shows the model's text as it arrives, each tool call with its arguments and outcome (exit code and "
                    + "output, diffs, counts), each turn's tokens and cost, and a summary; --quiet only the summary, "
                    + "--json one JSON event per line. The session log goes to the user's state directory, out of the agent's "
                    + "reach: $XDG_STATE_HOME/cachet/sessions/<workspace>-<hash>/<id>.jsonl (default ~/.local/state/...)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent finished", "1:bad usage",
            "2:bad input (workspace, model, recording, missing API key), or the session log cannot be written",
            "3:the model provider failed", "4:a limit stopped the session", "130:Ctrl-C or SIGTERM stopped the session"})
final class RunCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    @Parameters(paramLabel = "TASK", converter = TaskConverter.class,
            description = "What the agent should do, e.g. \"fix the failing test\".")
    String task;

    @Mixin
    AgentOptions agent;

    @Mixin
    PlanOption plan;

    @Mixin
    DisplayOptions display;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        RunSpec run = agent.session.runSpec(workspace(agent), task, config(), environment(), out, err()).withPlan(plan.plan);
        PricedClient client = harness.open(agent.model.spec(), err()::println);
        return stoppable(stop -> harness.run(run, client, display.view(out, err(), environment(), harness.sessionLogs(),
                DisplayOptions.resumeHint(agent.workspace), agent.workspace()), stop));
    }
}
