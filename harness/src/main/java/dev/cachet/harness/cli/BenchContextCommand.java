package dev.cachet.harness.cli;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.cachet.context.message.Message;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.evals.report.Table;
import dev.cachet.evals.report.TextTable;
import dev.cachet.harness.Harness;
import dev.cachet.harness.bench.ContextBench;
import dev.cachet.harness.bench.SyntheticSession;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "context", mixinStandardHelpOptions = true,
        description = {"Render time and allocation per turn of every strategy on a synthetic session, and the ratio "
                + "to transcript. Goal for hybrid: p50 under 2 ms and under 1 MB allocated per turn."})
final class BenchContextCommand implements Callable<Integer> {
    static final double GOAL_P50_MILLIS = 2.0;
    static final double GOAL_ALLOCATED_BYTES = 1 << 20;
    private static final long SEED = 7;

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--turns", paramLabel = "N", defaultValue = "300", converter = AtLeastOneConverter.class, description = "Turns in the session. Default: ${DEFAULT-VALUE}.")
    int turns;

    @Option(names = "--history-tokens", paramLabel = "N", defaultValue = "150000", converter = AtLeastOneConverter.class,
            description = "Approximate tokens of history at the last turn, spread over the --turns; at least what "
                    + "so many turns take (about 50 each). Default: ${DEFAULT-VALUE}.")
    int historyTokens;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Harness harness = bench.harness();
        // Each turn takes some tokens however short its result: a history smaller than that is no session of so many
        // turns, and the benchmark would measure another one than asked for.
        int least = tokens(harness, SyntheticSession.shortest(turns, SEED));
        if (historyTokens < least) {
            throw new UsageException(String.format("--history-tokens %d: %d turns (--turns) take at least %,d tokens "
                    + "of history; give more, or fewer turns", historyTokens, turns, least));
        }
        List<Message> session = SyntheticSession.turns(turns, historyTokens, SEED);
        int tokens = tokens(harness, session);
        out.printf("context render benchmark: %d turns, %,d tokens of history (o200k), %d strategies%n",
                turns, tokens, Strategies.all().size());
        ContextBench bench = new ContextBench(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE),
                harness.systemPrompt(), harness.tools().specs(), session);
        List<ContextBench.Result> results = new ArrayList<>();
        for (StrategyInfo strategy : Strategies.all()) {
            results.add(bench.run(strategy));
        }
        ContextBench.Result transcript = results.get(0);
        out.print(TextTable.render(Table.of(results,
                text("strategy", ContextBench.Result::strategy),
                number("p50 ms", r -> String.format("%.3f", r.p50Millis())),
                number("p90 ms", r -> String.format("%.3f", r.p90Millis())),
                number("max ms", r -> String.format("%.3f", r.maxMillis())),
                number("alloc/turn", r -> String.format("%.0f KB", r.meanAllocatedBytes() / 1024)),
                number("final window", r -> String.format("%,d", r.finalWindowTokens())),
                number("p50 ratio", r -> String.format("%.2fx", r.p50Millis() / transcript.p50Millis())),
                number("input cost", r -> String.format("%.2fx", r.inputCost() / transcript.inputCost())))));
        out.println("(input cost: simulated prompt cache, Anthropic rates, relative to transcript)");
        ContextBench.Result hybrid = results.stream().filter(r -> r.strategy().equals("hybrid")).findFirst().orElseThrow();
        boolean met = hybrid.p50Millis() < GOAL_P50_MILLIS && hybrid.meanAllocatedBytes() < GOAL_ALLOCATED_BYTES;
        out.printf("hybrid goal (p50 < %.0f ms, < 1 MB/turn): %s%n", GOAL_P50_MILLIS, met ? "met" : "MISSED");
        return ExitCodes.OK;
    }

    private static int tokens(Harness harness, List<Message> session) {
        return session.stream().mapToInt(harness.counter()::count).sum();
    }
}
