package dev.cachet.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ninety tools as a GitHub-sized MCP server lists them: the bundled {@code github-mcp-tools.json}, a
 * {@code tools/list} result modelled on the public GitHub MCP server (github/github-mcp-server: its tool list and
 * schema snapshots), read the way cachet reads a server's listing: name, description and input schema as written.
 */
final class GithubMcpTools {
    static final String RESOURCE = "github-mcp-tools.json";

    /** Everything happens on GitHub: the issue, two code searches, and a comment on the issue to report. */
    private static final McpCalls CALLS = new McpCalls(
            ToolScript.BUG + ", and comment on the issue when it is done.",
            ToolScript.act("get_issue", "{'owner':'acme','repo':'shop','issue_number':412}"),
            ToolScript.act("search_code", "{'query':'Pagination.of repo:acme/shop language:Java'}"),
            ToolScript.act("search_code", "{'query':'OFFSET repo:acme/shop path:src/main/resources'}"),
            ToolScript.act("add_issue_comment", "{'owner':'acme','repo':'shop','issue_number':412,'body':'Fixed: "
                    + "pages are 1-based and the offset now starts after the first page; regression test added.'}"),
            Map.of("get_issue", "get issue details",
                    "search_code", "search code",
                    "add_issue_comment", "add comment to issue"));

    private GithubMcpTools() {}

    static McpToolSet set() {
        return new McpToolSet(McpToolSet.GITHUB, List.of("github"), tools(), CALLS);
    }

    private static List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        for (JsonNode tool : listing().path("tools")) {
            ToolSpec spec = new ToolSpec(tool.path("name").asText(), tool.path("description").asText(),
                    tool.path("inputSchema").deepCopy());
            tools.add(new ScriptedTool(spec, McpToolSet.OUTPUT_CHARS));
        }
        return tools;
    }

    // The listing ships inside the jar: a missing or broken one is a build fault, not the user's input.
    private static JsonNode listing() {
        try (InputStream in = GithubMcpTools.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }
}
