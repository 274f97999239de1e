package dev.cachet.harness.cli;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.harness.Harness;
import dev.cachet.tools.Tool;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.mcp.McpServers;
import dev.cachet.tools.mcp.McpTool;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "tools", mixinStandardHelpOptions = true,
        description = {"List the tools the agent can call: the core tools, always in the tools array, and the deferred "
                + "tools of the MCP servers in .cachet.yaml (mcp_servers:), with the server each comes from and what "
                + "its schema costs in tokens; then what the tools array costs on every request with --tools eager "
                + "and with --tools deferred. Starts the configured MCP servers to ask for their tools."})
final class ToolsCommand extends Subcommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        TokenCounter counter = harness.counter();
        try (McpServers mcp = McpServers.start(config().mcpServers(), environment(), warning -> err().println("warning: " + warning))) {
            ToolCatalog catalog = harness.catalog(mcp, warning -> err().println("warning: " + warning));
            out.printf("%-30s %-9s %-16s %7s  %s%n", "tool", "loading", "from", "tokens", "description");
            print(out, counter, catalog.core(), "core");
            print(out, counter, catalog.deferred(), "deferred");
            out.printf("%ntools array on every request (cached after the first):%n");
            out.printf("  --tools eager     %,7d tokens (%d schemas)%n", tokens(counter, catalog.toolBox(ToolLoading.EAGER).specs()),
                    catalog.core().size() + catalog.deferred().size());
            List<ToolSpec> deferred = catalog.toolBox(ToolLoading.DEFERRED).specs();
            out.printf("  --tools deferred  %,7d tokens (%d schemas; the others arrive through tool_search)%n",
                    tokens(counter, deferred), deferred.size());
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, TokenCounter counter, List<Tool> tools, String loading) {
        for (Tool tool : tools) {
            String from = tool instanceof McpTool mcp ? "mcp:" + mcp.server() : "cachet";
            out.printf("%-30s %-9s %-16s %7d  %s%n", tool.name(), loading, from, counter.count(tool.spec()),
                    firstSentence(tool.spec().description()));
        }
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
