package dev.cachet.harness.cli;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.Strategies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the context strategies --strategy accepts, with what each keeps in the window.")
final class StrategiesCommand extends Subcommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter out = out();
        for (ContextStrategy strategy : harness().strategies().all()) {
            String marker = strategy.name().equals(Strategies.DEFAULT) ? " (default)" : "";
            out.printf("%-12s %s%s%n", strategy.name(), strategy.description(), marker);
        }
        return ExitCodes.OK;
    }
}
