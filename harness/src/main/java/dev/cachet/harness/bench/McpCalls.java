package dev.cachet.harness.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the benchmark's scripted session asks of one set of MCP tools: its task, and the four MCP calls it makes
 * between the core tools' reads, edits and test runs (read the issue, look something up twice, report), with the
 * tool_search query the agent uses before the first call of each tool.
 */
record McpCalls(String task, ToolScript.Action readIssue, ToolScript.Action lookUp, ToolScript.Action lookUpAgain,
        ToolScript.Action report, Map<String, String> searches) {
    McpCalls {
        searches = Map.copyOf(searches);
        for (ToolScript.Action call : List.of(readIssue, lookUp, lookUpAgain, report)) {
            if (!searches.containsKey(call.tool())) {
                throw new IllegalArgumentException("no tool_search query for " + call.tool());
            }
        }
    }

    String searchQuery(String tool) {
        return Objects.requireNonNull(searches.get(tool), () -> "the script has no tool_search query for " + tool);
    }
}
