package dev.cachet.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Durations;
import dev.cachet.harness.InputException;
import dev.cachet.tools.mcp.McpServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code mcp_servers:} section of a config file: each server by name, either a {@code command} (a list of
 * words, with optional {@code env} and {@code working_dir}) or a {@code url}, and an optional call {@code timeout}.
 */
final class McpServerConfigs {
    private static final Set<String> KEYS = Set.of("command", "env", "working_dir", "url", "timeout");

    private McpServerConfigs() {}

    static List<McpServerConfig> read(Path file, JsonNode section) {
        List<McpServerConfig> servers = new ArrayList<>();
        if (section.isMissingNode() || section.isNull()) {
            return servers;
        }
        if (!section.isObject()) {
            throw new InputException(file + ": 'mcp_servers' must map server names to a command or a url");
        }
        section.fields().forEachRemaining(entry -> servers.add(server(file, entry.getKey(), entry.getValue())));
        return servers;
    }

    private static McpServerConfig server(Path file, String name, JsonNode node) {
        String where = file + ": mcp_servers." + name;
        if (!node.isObject()) {
            throw new InputException(where + " must be a mapping with a command or a url");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new InputException(where + ": unknown key '" + key + "'; known keys: command, env, working_dir, url, timeout");
            }
        }
        try {
            // A stdio server runs in the folder of the config that names it unless told: started in the workspace,
            // npx would take the agent's node_modules for the server's package, and python3 -m its modules.
            Path folder = file.toAbsolutePath().getParent();
            Path workingDirectory = text(where, node, "working_dir").map(folder::resolve).orElse(folder);
            return new McpServerConfig(name, words(where, node.path("command")), env(where, node.path("env")),
                    node.has("url") ? Optional.empty() : Optional.of(workingDirectory), text(where, node, "url"),
                    timeout(where, node));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private static List<String> words(String where, JsonNode command) {
        if (command.isMissingNode()) {
            return List.of();
        }
        if (!command.isArray() || command.isEmpty()) {
            throw new InputException(where + ".command must be a list of words, e.g. [npx, -y, \"@scope/server\"]");
        }
        List<String> words = new ArrayList<>();
        for (JsonNode word : command) {
            if (!word.isTextual() && !word.isNumber()) {
                throw new InputException(where + ".command must be a list of words, got " + command);
            }
            words.add(word.asText());
        }
        return words;
    }

    private static Map<String, String> env(String where, JsonNode env) {
        Map<String, String> variables = new HashMap<>();
        if (env.isMissingNode()) {
            return variables;
        }
        if (!env.isObject()) {
            throw new InputException(where + ".env must map variable names to values");
        }
        env.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        return variables;
    }

    private static Optional<String> text(String where, JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InputException(where + "." + key + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Duration timeout(String where, JsonNode node) {
        return text(where, node, "timeout")
                .map(t -> Durations.parse(t).orElseThrow(() ->
                        new InputException(where + ".timeout must be " + Durations.EXAMPLE + ", got " + t)))
                .orElse(McpServerConfig.DEFAULT_CALL_TIMEOUT);
    }
}
