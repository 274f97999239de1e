package dev.cachet.harness.bench;

import static dev.cachet.evals.report.Table.Heading.number;
import static dev.cachet.evals.report.Table.Heading.text;

import dev.cachet.context.TokenCounter;
import dev.cachet.evals.report.Table;
import dev.cachet.evals.report.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code cachet bench tools} prints: the setup, eager against deferred per strategy, the goal and why. */
public final class ToolBenchReport {
    private final ToolBench tools;
    private final TokenCounter counter;
    private final List<ToolBenchComparison> comparisons;

    public ToolBenchReport(ToolBench tools, TokenCounter counter, List<ToolBenchComparison> comparisons) {
        this.tools = tools;
        this.counter = counter;
        this.comparisons = List.copyOf(comparisons);
    }

    public void print(PrintWriter out) {
        header(out, tools, counter, comparisons.get(0).deferred());
        table(out, comparisons);
        goal(out, comparisons);
        mcpOnly(out, comparisons, tools.catalog().deferred().size());
    }

    private static void header(PrintWriter out, ToolBench tools, TokenCounter counter, ToolBenchRun deferred) {
        int core = tools.catalog().core().size();
        int mcp = tools.catalog().deferred().size();
        IntSummaryStatistics mcpTokens = tools.catalog().deferred().stream()
                .mapToInt(tool -> counter.count(tool.spec())).summaryStatistics();
        int metaTokens = deferred.turns().get(0).window().toolTokens() - deferred.coreToolTokens();
        out.printf("tool loading benchmark: %d scripted actions; %d core + %d MCP tools (%s set; servers: %s); "
                + "%d MCP tools used%n", tools.actions(), core, mcp, tools.mcp().name(),
                String.join(", ", tools.mcp().servers()), deferred.searches());
        out.printf("schemas: %d core tools %,d tokens; %d MCP tools %,d (%d-%d each); tool_search + call_tool %,d%n",
                core, deferred.coreToolTokens(), mcp, mcpTokens.getSum(), mcpTokens.getMin(), mcpTokens.getMax(), metaTokens);
        out.printf("billed as %s under Anthropic's prompt cache; tokens counted with o200k%n%n", ToolBench.MODEL);
    }

    private static void table(PrintWriter out, List<ToolBenchComparison> comparisons) {
        List<List<String>> rows = new ArrayList<>();
        for (ToolBenchComparison c : comparisons) {
            for (ToolBenchRun run : List.of(c.eager(), c.deferred())) {
                rows.add(List.of(run.strategy(), run.loading().name().toLowerCase(), String.valueOf(run.turns().size()),
                        String.format("%,d", run.schemaTokens()), String.format("%,d", run.inputTokens()),
                        String.format("%,.0f", run.inputTokensPerTurn()), String.format("%.4f", run.costUsd())));
            }
            rows.add(List.of("", "ratio", "", ratio(c.schemaRatio()), ratio(c.inputRatio()),
                    ratio(c.inputPerTurnRatio()), ratio(c.costRatio())));
        }
        out.print(TextTable.render(new Table(List.of(text("strategy"), text("loading"), number("turns"),
                number("schema tokens"), number("input tokens"), number("input/turn"), number("cost $")), rows)));
        out.println("(ratio: deferred / eager)");
        for (ToolBenchComparison c : comparisons) {
            ToolBenchRun deferred = c.deferred();
            if (deferred.unseenToolCalls() > 0) {
                out.printf("note: %s deferred made %d of its %d MCP calls after compacting away the search result "
                        + "with the tool's schema; its schema tokens are lower partly for that%n", deferred.strategy(),
                        deferred.unseenToolCalls(), deferred.deferredCalls());
            }
        }
    }

    private static void goal(PrintWriter out, List<ToolBenchComparison> comparisons) {
        double budget = 1 - ToolBenchComparison.GOAL_REDUCTION;
        boolean met = comparisons.stream().allMatch(ToolBenchComparison::meetsGoal);
        out.printf("%ngoal (>= %.0f%% fewer tool-schema tokens): %s (%s)%n", 100 * ToolBenchComparison.GOAL_REDUCTION,
                met ? "met" : "MISSED", comparisons.stream()
                        .map(c -> String.format("%s: %.0f%% fewer", c.eager().strategy(), 100 * (1 - c.schemaRatio())))
                        .collect(Collectors.joining(", ")));
        // The tools array is the same in every deferred session, whatever the strategy. The session log's
        // tool_schema_tokens count it alone; search results are history there.
        ToolBenchComparison first = comparisons.get(0);
        double core = first.coreOnlyRatio();
        double array = core + first.ofEagerSchemas(first.deferred().addedToolTokens());
        out.printf("as the session log counts tool_schema_tokens (the tools array only): %.0f%% fewer, goal %s%n",
                100 * (1 - array), array <= budget ? "met" : "MISSED");
        out.printf("deferred's schema tokens by source, over eager's (the goal: a sum <= %.2fx):%n", budget);
        for (ToolBenchComparison c : comparisons) {
            ToolBenchRun run = c.deferred();
            out.printf("%-11s core tools %s + tool_search and call_tool %s + search results %s = %s%n", run.strategy(),
                    ratio(c.coreOnlyRatio()), ratio(c.ofEagerSchemas(run.addedToolTokens())),
                    ratio(c.ofEagerSchemas(run.searchResultTokens())), ratio(c.schemaRatio()));
        }
        if (met) {
            return;
        }
        if (core > budget) {
            out.printf("missed because the core tools dominate: in the tools array of every request either way, they "
                    + "alone take %s%n", ratio(core));
        } else if (array > budget) {
            out.printf("missed because the tools array dominates: the core tools (%s) and tool_search + call_tool, in "
                    + "every request, alone take %s%n", ratio(core), ratio(array));
        } else {
            out.printf("missed: the core tools alone fit the goal (%s), but with tool_search + call_tool the tools array "
                    + "of every request takes %s, leaving %s for search results, which stay in "
                    + "the window (history) as long as the strategy keeps them%n",
                    ratio(core), ratio(array), ratio(budget - array));
        }
    }

    private static void mcpOnly(PrintWriter out, List<ToolBenchComparison> comparisons, int mcpTools) {
        out.printf("%nMCP tools only (schema tokens beyond the core tools): eager's %d schemas against deferred's "
                + "tool_search + call_tool and search results%n", mcpTools);
        for (ToolBenchComparison c : comparisons) {
            out.printf("%-11s eager %,9d  deferred %,9d  %s (%.0f%% fewer)%n", c.eager().strategy(),
                    c.eager().mcpSchemaTokens(), c.deferred().mcpSchemaTokens(), ratio(c.mcpSchemaRatio()),
                    100 * (1 - c.mcpSchemaRatio()));
        }
    }

    private static String ratio(double value) {
        return String.format("%.2fx", value);
    }
}
