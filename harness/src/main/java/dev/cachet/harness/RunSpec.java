package dev.cachet.harness;

import dev.cachet.providers.session.Limits;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.mcp.McpServerConfig;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One session to run, as the user asked for it.
 *
 * @param toolLoading  whether MCP tools are offered up front or found with tool_search
 * @param mcpServers   servers whose tools join the session; started for it and stopped after
 * @param plan         whether the model writes a plan, in a first turn without tools, before it acts
 * @param keepAlivePings keep-alive pings per idle stretch at most (a long tool call, a chat waiting); 0 sends none
 */
public record RunSpec(Path workspace, String task, String strategy, Map<String, Integer> strategyParams, Limits limits,
        Duration commandTimeout, Sandbox sandbox, Approver approver, ToolLoading toolLoading,
        List<McpServerConfig> mcpServers, boolean plan, int keepAlivePings) {
    public RunSpec {
        strategyParams = Map.copyOf(strategyParams);
        mcpServers = List.copyOf(mcpServers);
        if (keepAlivePings < 0) {
            throw new IllegalArgumentException("keep-alive pings must be 0 or more, got " + keepAlivePings);
        }
    }

    public RunSpec withPlan(boolean planFirst) {
        return new RunSpec(workspace, task, strategy, strategyParams, limits, commandTimeout, sandbox, approver, toolLoading,
                mcpServers, planFirst, keepAlivePings);
    }

    public RunSpec withStrategy(String name, Map<String, Integer> params) {
        return new RunSpec(workspace, task, name, params, limits, commandTimeout, sandbox, approver, toolLoading,
                mcpServers, plan, keepAlivePings);
    }

    public RunSpec withTask(String newTask) {
        return new RunSpec(workspace, newTask, strategy, strategyParams, limits, commandTimeout, sandbox, approver,
                toolLoading, mcpServers, plan, keepAlivePings);
    }
}
