package dev.cachet.harness.cli;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.Strategies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the context strategies --strategy accepts, with what each keeps in the window.")
final class StrategiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CachetCommand root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ContextStrategy strategy : root.harness().strategies().all()) {
            String marker = strategy.name().equals(Strategies.DEFAULT) ? " (default)" : "";
            out.printf("%-12s %s%s%n", strategy.name(), strategy.description(), marker);
        }
        return ExitCodes.OK;
    }
}
