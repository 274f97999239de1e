package dev.cachet.tools.mcp;

import dev.cachet.tools.sandbox.ServerEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The MCP servers of a session, started together when it starts. A server that fails to start is one warning
 * naming it, and its tools are simply absent; the session goes on with the others.
 */
public final class McpServers implements AutoCloseable {
    private final List<McpConnection> connections;
    private final List<McpTool> tools;

    private McpServers(List<McpConnection> connections, List<McpTool> tools) {
        this.connections = connections;
        this.tools = tools;
    }

    /**
     * Starts each server in turn.
     *
     * @param environment what stdio servers inherit of cachet's, less the secrets named in it
     * @param warnings told, one line each, about the variables withheld from servers, a server that failed to start
     *     and a tool that cannot be offered (a bad schema, or a name an earlier server already uses)
     * @throws IllegalArgumentException if two servers have the same name
     */
    public static McpServers start(List<McpServerConfig> configs, ServerEnvironment environment, Consumer<String> warnings) {
        Set<String> names = new HashSet<>();
        for (McpServerConfig config : configs) {
            if (!names.add(config.name())) {
                throw new IllegalArgumentException("two mcp servers are named " + config.name());
            }
        }
        if (configs.stream().anyMatch(config -> config.url().isEmpty()) && !environment.withheld().isEmpty()) {
            warnings.accept("mcp servers are started without " + String.join(", ", environment.withheld())
                    + (environment.withheld().size() == 1 ? ": it names" : ": they name") + " the workspace, which the "
                    + "agent can write (a server's env: in the config passes one)");
        }
        List<McpConnection> connections = new ArrayList<>();
        for (McpServerConfig config : configs) {
            try {
                connections.add(McpConnection.open(config, environment, warnings));
            } catch (McpServerException e) {
                warnings.accept(e.getMessage() + "; its tools are not available");
            }
        }
        return new McpServers(List.copyOf(connections), distinctTools(connections, warnings));
    }

    public List<McpConnection> connections() {
        return connections;
    }

    /** The tools of every server that started, in the order of the configuration; names are unique. */
    public List<McpTool> tools() {
        return tools;
    }

    @Override
    public void close() {
        connections.forEach(McpConnection::close);
    }

    // Tool names are kept as the servers give them, so two servers may offer the same one; the first server wins.
    private static List<McpTool> distinctTools(List<McpConnection> connections, Consumer<String> warnings) {
        Map<String, McpTool> byName = new LinkedHashMap<>();
        for (McpConnection connection : connections) {
            for (McpTool tool : connection.tools()) {
                McpTool first = byName.putIfAbsent(tool.name(), tool);
                if (first != null) {
                    warnings.accept("mcp tool '" + tool.server() + "/" + tool.name() + "' skipped: '"
                            + first.server() + "' already offers a tool named " + tool.name());
                }
            }
        }
        return List.copyOf(byName.values());
    }
}
