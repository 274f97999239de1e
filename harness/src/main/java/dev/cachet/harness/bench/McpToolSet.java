package dev.cachet.harness.bench;

import dev.cachet.tools.Tool;
import java.util.List;
import java.util.Locale;

/**
 * The MCP tools a tool benchmark offers beside the core tools, and the calls its scripted session makes of them.
 *
 * @param servers the servers the tools come from, in the order they are listed
 */
public record McpToolSet(String name, List<String> servers, List<Tool> tools, McpCalls calls) {
    /** What every scripted MCP tool answers, in characters: about 300 tokens, like an issue or a page of rows. */
    static final int OUTPUT_CHARS = 1_200;

    public static final String SYNTHETIC = "synthetic";
    public static final String GITHUB = "github";
    public static final List<String> NAMES = List.of(SYNTHETIC, GITHUB);

    public McpToolSet {
        servers = List.copyOf(servers);
        tools = List.copyOf(tools);
    }

    /** @throws IllegalArgumentException naming the sets there are, for a name that is none of them */
    public static McpToolSet named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case SYNTHETIC -> SyntheticMcpTools.set();
            case GITHUB -> GithubMcpTools.set();
            default -> throw new IllegalArgumentException(
                    "'" + name + "' is not a tool set; expected " + String.join(" or ", NAMES));
        };
    }
}
