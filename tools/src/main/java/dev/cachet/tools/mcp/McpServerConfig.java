package dev.cachet.tools.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one MCP server: either a command that speaks MCP on its stdin and stdout (with extra environment
 * variables and a working directory, both optional) or the URL of a streamable-HTTP endpoint. Every message
 * names the server, since this usually comes straight from a config file.
 */
public record McpServerConfig(
        String name,
        List<String> command,
        Map<String, String> env,
        Optional<Path> workingDirectory,
        Optional<String> url,
        Duration callTimeout) {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public McpServerConfig {
        Objects.requireNonNull(name, "name");
        // The name prefixes its tools in messages ("server/tool"), so it must read as one word.
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    "mcp server name '" + name + "' may only contain letters, digits, '.', '_' and '-'");
        }
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(callTimeout, "callTimeout");
        String server = "mcp server '" + name + "': ";
        if (command.isEmpty() == url.isEmpty()) {
            throw new IllegalArgumentException(server + "give either a command or a url, not "
                    + (command.isEmpty() ? "neither" : "both"));
        }
        if (command.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(server + "the command has a blank word: " + command);
        }
        if (url.isPresent() && (!env.isEmpty() || workingDirectory.isPresent())) {
            throw new IllegalArgumentException(server + "env and working directory apply to a command, not to a url");
        }
        url.ifPresent(u -> checkUrl(server, u));
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            throw new IllegalArgumentException(server + "call timeout must be positive, got " + callTimeout);
        }
    }

    /** A server started as a command, with no extra environment, in cachet's own working directory. */
    public static McpServerConfig stdio(String name, List<String> command) {
        return new McpServerConfig(name, command, Map.of(), Optional.empty(), Optional.empty(), DEFAULT_CALL_TIMEOUT);
    }

    /** A server already running behind a streamable-HTTP endpoint. */
    public static McpServerConfig http(String name, String url) {
        return new McpServerConfig(name, List.of(), Map.of(), Optional.empty(), Optional.of(url), DEFAULT_CALL_TIMEOUT);
    }

    public McpServerConfig withCallTimeout(Duration timeout) {
        return new McpServerConfig(name, command, env, workingDirectory, url, timeout);
    }

    private static void checkUrl(String server, String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(server + "url '" + url + "' is not an http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(server + "url '" + url + "' is malformed: " + e.getReason());
        }
    }
}
