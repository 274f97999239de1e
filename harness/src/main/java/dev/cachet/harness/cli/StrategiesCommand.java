package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyParam;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {"List the context strategies --strategy accepts: what each keeps in the window, and the "
                + "parameters -P STRATEGY.NAME=N (or .cachet.yaml's 'strategies:') can set: NAME=value in effect "
                + "(>= the least it takes)  what it does."})
final class StrategiesCommand extends Subcommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter out = out();
        String chosen = config().strategy().orElse(Strategies.DEFAULT);
        for (StrategyInfo strategy : Strategies.all()) {
            String marker = strategy.name().equals(chosen) ? "  (default)" : "";
            out.printf("%-11s %s%s%n", strategy.name(), strategy.description(), marker);
            for (StrategyParam param : strategy.params()) {
                int value = config().paramsFor(strategy.name()).getOrDefault(param.name(), param.defaultValue());
                // The bound -P and the config are held to: a value below it is refused.
                out.printf("%13s%s=%d (>= %d)  %s%n", "", param.name(), value, param.minimum(), param.description());
            }
        }
        return ExitCodes.OK;
    }
}
