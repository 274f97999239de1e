package dev.cachet.harness.config;

import dev.cachet.tools.mcp.McpServerConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from config files: the default model and its address, the default strategy and parameters per
 * strategy, MCP servers, variables for the session and sandbox defaults. Flags override them.
 *
 * @param strategy the strategy to use when no --strategy flag is given
 * @param strategies parameters per strategy name, e.g. {@code hybrid: {keep: 12}}
 * @param model the model to use when no --model flag is given, e.g. {@code openai:gpt-5}
 * @param baseUrl the provider address to use when no --base-url flag is given
 * @param mcpServers MCP servers whose tools the agent can load, by name
 * @param env variables set on top of the environment cachet was started with, for the whole session
 * @param sandbox defaults for the sandbox flags
 */
public record Config(Optional<String> strategy, Map<String, Map<String, Integer>> strategies, Optional<String> model,
        Optional<String> baseUrl, List<McpServerConfig> mcpServers, Map<String, String> env, SandboxSettings sandbox) {
    public static final Config EMPTY = new Config(Optional.empty(), Map.of());

    public Config(Optional<String> strategy, Map<String, Map<String, Integer>> strategies) {
        this(strategy, strategies, Optional.empty(), Optional.empty(), List.of(), Map.of(), SandboxSettings.NONE);
    }

    public Config {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        strategies.forEach((name, params) -> copy.put(name, Map.copyOf(params)));
        strategies = Map.copyOf(copy);
        mcpServers = List.copyOf(mcpServers);
        env = Map.copyOf(env);
    }

    public Map<String, Integer> paramsFor(String strategyName) {
        return strategies.getOrDefault(strategyName, Map.of());
    }

    /** This config with {@code other}'s settings on top. */
    public Config overriddenBy(Config other) {
        Map<String, Map<String, Integer>> merged = new HashMap<>(strategies);
        other.strategies.forEach((name, params) -> merged.merge(name, params, (mine, theirs) -> {
            Map<String, Integer> both = new HashMap<>(mine);
            both.putAll(theirs);
            return both;
        }));
        // A server named in both files is the nearer file's.
        Map<String, McpServerConfig> servers = new LinkedHashMap<>();
        mcpServers.forEach(server -> servers.put(server.name(), server));
        other.mcpServers.forEach(server -> servers.put(server.name(), server));
        Map<String, String> variables = new HashMap<>(env);
        variables.putAll(other.env);
        return new Config(other.strategy.or(() -> strategy), merged, other.model.or(() -> model),
                other.baseUrl.or(() -> baseUrl), List.copyOf(servers.values()), variables,
                sandbox.overriddenBy(other.sandbox));
    }

    /** The environment a session runs with: {@code started}, with this config's variables on top. */
    public Map<String, String> environment(Map<String, String> started) {
        Map<String, String> environment = new HashMap<>(started);
        environment.putAll(env);
        return Map.copyOf(environment);
    }
}
