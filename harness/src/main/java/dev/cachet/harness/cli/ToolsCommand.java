package dev.cachet.harness.cli;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.evals.report.Table;
import dev.cachet.evals.report.TextTable;
import dev.cachet.harness.Harness;
import dev.cachet.tools.Tool;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.mcp.McpServers;
import dev.cachet.tools.mcp.McpTool;
import dev.cachet.tools.sandbox.ServerEnvironment;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

@Command(name = "tools", mixinStandardHelpOptions = true,
        description = {"List the tools the agent can call: the core tools, always in the tools array, and the deferred "
                + "tools of the MCP servers in .cachet.yaml (mcp_servers:), with the server each comes from and what "
                + "its schema costs in tokens; then what the tools array costs on every request with --tools eager "
                + "and with --tools deferred. Starts the configured MCP servers to ask for their tools."})
final class ToolsCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    /** A tool and how it is loaded: core, in every tools array, or deferred, found through tool_search. */
    private record Listed(Tool tool, String loading) {}

    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        TokenCounter counter = harness.counter();
        // Where cachet runs is the workspace a session here would have: its folders on PATH are the agent's to write.
        ServerEnvironment environment = ServerEnvironment.outside(root.workingDirectory(), environment());
        try (McpServers mcp = McpServers.start(config().mcpServers(), environment,
                warning -> err().println("warning: " + warning))) {
            ToolCatalog catalog = harness.catalog(mcp, warning -> err().println("warning: " + warning));
            List<Listed> listed = Stream.concat(catalog.core().stream().map(tool -> new Listed(tool, "core")),
                    catalog.deferred().stream().map(tool -> new Listed(tool, "deferred"))).toList();
            out.print(TextTable.render(Table.of(listed,
                    text("tool", row -> row.tool().name()),
                    text("loading", Listed::loading),
                    text("from", row -> row.tool() instanceof McpTool mcpTool ? "mcp:" + mcpTool.server() : "cachet"),
                    number("tokens", row -> String.valueOf(counter.count(row.tool().spec()))),
                    text("description", row -> firstSentence(row.tool().spec().description())))));
            out.printf("%ntools array on every request (cached after the first):%n");
            out.printf("  --tools eager     %,7d tokens (%d schemas)%n", tokens(counter, catalog.toolBox(ToolLoading.EAGER).specs()),
                    catalog.core().size() + catalog.deferred().size());
            List<ToolSpec> deferred = catalog.toolBox(ToolLoading.DEFERRED).specs();
            out.printf("  --tools deferred  %,7d tokens (%d schemas; the others arrive through tool_search)%n",
                    tokens(counter, deferred), deferred.size());
        }
        return ExitCodes.OK;
    }

    private static int tokens(TokenCounter counter, List<ToolSpec> specs) {
        return specs.stream().mapToInt(counter::count).sum();
    }

    private static String firstSentence(String text) {
        String line = text.lines().findFirst().orElse("");
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end + 1);
    }
}
