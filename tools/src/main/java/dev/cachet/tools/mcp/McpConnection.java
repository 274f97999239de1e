package dev.cachet.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.sandbox.CommandEnvironment;
import dev.cachet.tools.sandbox.ServerEnvironment;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One MCP server for one session, through LangChain4j's {@link DefaultMcpClient}: started (a command on stdio) or
 * reached (streamable HTTP), its tools listed once, each offered as an {@link McpTool}.
 *
 * <p>A stdio server whose process exits stays down for the rest of the session: its tools then fail at once with
 * a message saying so, and the other tools go on. It is not restarted: a server that crashed on some input tends
 * to crash again, and a fresh process would have silently lost whatever state the old one kept. An HTTP server
 * is never known to be down: each call tries it again.
 */
public final class McpConnection implements AutoCloseable {
    // Where POSIX systems keep env (scripts' #! lines name it): looked up on PATH, one the agent wrote in the
    // workspace (.venv/bin) would run in its place and see every secret it was to remove.
    private static final String ENV = "/usr/bin/env";

    /** For the handshake and the tool list; generous because {@code npx} may first download the server. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(1);

    private final McpServerConfig config;
    private final McpTransport transport;
    private final DefaultMcpClient client;
    private final ExecutorService io;
    private final String timeoutMarker;
    private final List<McpTool> tools;

    private McpConnection(McpServerConfig config, McpTransport transport, DefaultMcpClient client, ExecutorService io,
            String timeoutMarker, List<ToolSpec> specs) {
        this.config = config;
        this.transport = transport;
        this.client = client;
        this.io = io;
        this.timeoutMarker = timeoutMarker;
        this.tools = specs.stream().map(spec -> new McpTool(this, spec)).toList();
    }

    /**
     * Starts or reaches the server, performs the MCP handshake and lists its tools.
     *
     * @param environment what a stdio server inherits of cachet's, less the secrets named in it
     * @param warnings told about each listed tool that cannot be offered (no name, no object schema), which is
     *     skipped while the others are kept
     * @throws McpServerException naming the server, when it cannot be started, reached or listed; nothing is left
     *     running then
     */
    public static McpConnection open(McpServerConfig config, ServerEnvironment environment, Consumer<String> warnings)
            throws McpServerException {
        ExecutorService io = Executors.newCachedThreadPool(runnable -> {
            // Daemon threads: a connection somebody forgot to close must not keep the JVM alive.
            Thread thread = new Thread(runnable, "mcp-" + config.name());
            thread.setDaemon(true);
            return thread;
        });
        McpTransport transport = transport(config, environment, io);
        // LangChain4j reports a timeout as an ordinary result with this text; a random one cannot be a real result.
        String timeoutMarker = "cachet: mcp call timed out " + UUID.randomUUID();
        DefaultMcpClient client;
        try {
            client = DefaultMcpClient.builder()
                    .key(config.name())
                    .clientName("cachet")
                    .transport(transport)
                    .initializationTimeout(STARTUP_TIMEOUT)
                    .toolExecutionTimeout(config.callTimeout())
                    .toolExecutionTimeoutErrorMessage(timeoutMarker)
                    .autoHealthCheck(false) // its health check would respawn a dead stdio server behind our back
                    .build();
        } catch (RuntimeException e) {
            String reason = exit(transport).or(() -> unanswered(config, e)).or(() -> timedOut(e))
                    .orElseGet(() -> Describe.cause(e));
            close(transport);
            io.shutdownNow();
            throw new McpServerException("mcp server '" + config.name() + "'" + config.url().map(url -> " at " + url)
                    .orElse("") + " failed to start: " + reason);
        }
        try {
            List<ToolSpec> specs = ToolListing.fetch(transport, config.name(), STARTUP_TIMEOUT, warnings);
            return new McpConnection(config, transport, client, io, timeoutMarker, specs);
        } catch (McpServerException | RuntimeException e) {
            client.close();
            io.shutdownNow();
            throw e instanceof McpServerException failed ? failed
                    : new McpServerException("mcp server '" + config.name() + "' failed to list its tools: " + Describe.cause(e));
        }
    }

    public String server() {
        return config.name();
    }

    public McpServerConfig config() {
        return config;
    }

    public List<McpTool> tools() {
        return tools;
    }

    /** Why the server can take no more calls (its process exited), or empty while it can. */
    public Optional<String> down() {
        return exit(transport);
    }

    /** Runs one of this server's tools; every failure becomes a {@link ToolException} whose first line names both. */
    String call(String tool, JsonNode args) throws ToolException {
        ToolExecutionResult result;
        try {
            result = client.executeTool(ToolExecutionRequest.builder().name(tool).arguments(args.toString()).build());
        } catch (RuntimeException e) {
            throw failure(tool, e);
        }
        if (timeoutMarker.equals(result.resultText())) {
            throw new ToolException("mcp tool '" + qualified(tool) + "' timed out after "
                    + Describe.duration(config.callTimeout()) + " (the server was asked to cancel it)");
        }
        return result.resultText();
    }

    /** Stops the server's process and everything it started, or ends the HTTP session's client. */
    @Override
    public void close() {
        client.close();
        io.shutdownNow();
    }

    private ToolException failure(String tool, RuntimeException e) {
        Optional<String> down = down();
        if (down.isPresent()) {
            return new ToolException("mcp server '" + server() + "' crashed: " + down.get()
                    + "; its tools stay unavailable for this session (called " + qualified(tool) + ")");
        }
        // An error the tool reported (isError) and one of the protocol reach us alike; either way the server's
        // own words are what the model needs.
        return new ToolException("mcp tool '" + qualified(tool) + "' failed: " + Describe.cause(e));
    }

    private String qualified(String tool) {
        return server() + "/" + tool;
    }

    private static McpTransport transport(McpServerConfig config, ServerEnvironment environment, ExecutorService io) {
        if (config.url().isPresent()) {
            return StreamableHttpMcpTransport.builder().url(config.url().get()).timeout(STARTUP_TIMEOUT).executor(io).build();
        }
        return new ExitAwareStdioTransport(StdioMcpTransport.builder()
                .command(commandIn(config, environment))
                .environment(config.env())
                .executorService(io), config.command().get(0));
    }

    // The stdio transport cannot set a working directory; a shell that changes to it and then execs the server
    // keeps the server's own pid, so stopping the process still stops the server. Nor can it remove inherited
    // variables: `env -u` keeps cachet's own secrets (API keys, tokens) from the server, as from commands; a server
    // that needs one gets it by name under `env:` in its config; so do the variables withheld for naming the workspace.
    // And it sets PATH to the one given.
    static List<String> commandIn(McpServerConfig config, ServerEnvironment environment) {
        Map<String, String> inherited = environment.inherited();
        List<String> scrub = inherited.entrySet().stream()
                .filter(variable -> CommandEnvironment.isSecret(variable.getKey(), variable.getValue())
                        || environment.withheld().contains(variable.getKey()))
                .map(Map.Entry::getKey)
                .filter(name -> !config.env().containsKey(name))
                .sorted()
                .flatMap(name -> Stream.of("-u", name))
                .toList();
        // The server's program is looked up on the PATH given, which the harness cleared of the workspace's folders,
        // or on the one its (trusted) config sets.
        Stream<String> path = Optional.ofNullable(config.env().getOrDefault("PATH", inherited.get("PATH")))
                .map(value -> "PATH=" + value).stream();
        Stream<String> env = Stream.of(Stream.of(ENV), scrub.stream(), path).flatMap(s -> s);
        Stream<String> cd = config.workingDirectory()
                .map(directory -> Stream.of("/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory.toString()))
                .orElse(Stream.empty());
        return Stream.of(env, cd, config.command().stream()).flatMap(s -> s).toList();
    }

    private static Optional<String> exit(McpTransport transport) {
        return transport instanceof ExitAwareStdioTransport stdio ? stdio.exit() : Optional.empty();
    }

    /** Why a server at a url never answered: nothing listens there, or the connection closed first. */
    private static Optional<String> unanswered(McpServerConfig config, Throwable failure) {
        for (Throwable cause = failure; config.url().isPresent() && cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
                return Optional.of("nothing answered there (is the server running?)");
            }
        }
        return Optional.empty();
    }

    /** A server that never finished the handshake: said with the time it had, which a bare TimeoutException is not. */
    static Optional<String> timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return Optional.of("did not answer the handshake within " + Describe.duration(STARTUP_TIMEOUT));
            }
        }
        return Optional.empty();
    }

    private static void close(McpTransport transport) {
        try {
            transport.close();
        } catch (IOException | RuntimeException e) {
            // Already failing to start; the start failure is the message that matters.
        }
    }
}
