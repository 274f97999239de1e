package dev.cachet.harness.cli;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.strategy.hybrid.HybridStrategy;
import dev.cachet.harness.Harness;
import dev.cachet.harness.bench.McpToolSet;
import dev.cachet.harness.bench.ToolBench;
import dev.cachet.harness.bench.ToolBenchComparison;
import dev.cachet.harness.bench.ToolBenchReport;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.tools.catalog.ToolLoading;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "tools", mixinStandardHelpOptions = true,
        description = {"Eager against deferred tool loading, over one fixed scripted session (30 actions: reads, edits "
                + "and test runs with the core tools, and calls of 3 MCP tools) with a set of MCP tools on offer: "
                + "40 synthetic tools of four servers (GitHub, Postgres, Playwright, Slack), or with --server github "
                + "the 90 tools of a GitHub-sized server. Eager sends every schema in the tools array; deferred sends "
                + "the core tools, tool_search and "
                + "call_tool, and adds one tool_search turn before the first call of each MCP tool, whose result "
                + "holds its schema.",
                "Each request is rendered with the transcript and hybrid strategies and billed as "
                        + ToolBench.MODEL + " under Anthropic's prompt cache. Schema tokens are those of the tools "
                        + "array plus those of the tool_search results in the window, summed over the turns; cost "
                        + "adds the calls the model writes, as output. Goal: deferred spends at least 80%% fewer "
                        + "schema tokens than eager."})
final class BenchToolsCommand implements Callable<Integer> {
    private static final List<StrategyInfo> STRATEGIES =
            List.of(Strategies.named(TranscriptStrategy.NAME), Strategies.named(HybridStrategy.NAME));

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "SET", defaultValue = McpToolSet.SYNTHETIC,
            converter = McpToolSetConverter.class,
            description = {"The MCP tools on offer: synthetic (40 tools modelled on four servers) or github (90 tools "
                    + "modelled on the GitHub MCP server).", "Default: ${DEFAULT-VALUE}."})
    McpToolSet mcp;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Harness harness = bench.harness();
        TokenCounter counter = harness.counter();
        ModelPrice price = harness.prices().price(ToolBench.MODEL).orElseThrow();
        ToolBench tools = new ToolBench(counter, harness.systemPrompt(), harness.tools().specs(), mcp, price);
        List<ToolBenchComparison> comparisons = new ArrayList<>();
        for (StrategyInfo strategy : STRATEGIES) {
            comparisons.add(new ToolBenchComparison(
                    tools.run(ToolLoading.EAGER, strategy), tools.run(ToolLoading.DEFERRED, strategy)));
        }
        new ToolBenchReport(tools, counter, comparisons).print(out);
        return ExitCodes.OK;
    }
}
