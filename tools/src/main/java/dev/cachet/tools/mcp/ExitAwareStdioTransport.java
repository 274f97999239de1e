package dev.cachet.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpOperationHandler;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.mcp.protocol.McpInitializeRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * LangChain4j's stdio transport, made to notice when the server process dies and to leave no process behind.
 *
 * <p>The stock transport writes requests through a {@link java.io.PrintStream}, which swallows the broken pipe of
 * a dead server, so a request to it would wait out its whole timeout and then report a timeout. Here every
 * request pending when the process exits, and every request sent after, fails at once. On close the stock
 * transport only sends SIGTERM to its direct child; here the whole process tree is waited for, then killed.
 */
final class ExitAwareStdioTransport extends StdioMcpTransport {
    private static final Duration EXIT_GRACE = Duration.ofSeconds(3);

    private final String program;

    /** @param program the server's program as configured, named when it is not found */
    ExitAwareStdioTransport(StdioMcpTransport.Builder builder, String program) {
        super(builder);
        this.program = program;
    }

    @Override
    public void start(McpOperationHandler handler) {
        super.start(handler);
        getProcess().onExit().thenRun(() -> handler.cancelAllPendingOperations(exitDescription()));
    }

    @Override
    public CompletableFuture<JsonNode> initialize(McpInitializeRequest request) {
        return failIfExited(super.initialize(request));
    }

    @Override
    public CompletableFuture<JsonNode> executeOperationWithResponse(McpCallContext context) {
        return failIfExited(super.executeOperationWithResponse(context));
    }

    /** How the server process ended, or empty while it runs (or before it started). */
    Optional<String> exit() {
        Process process = getProcess();
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(exitDescription());
    }

    @Override
    public void close() throws IOException {
        Process process = getProcess();
        if (process == null) {
            return; // never started: nothing to stop
        }
        // Taken before the parent dies: its orphans would no longer be its descendants.
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        try {
            super.close();
        } finally {
            terminate(tree);
        }
    }

    // A request registers itself as pending before it is written, so the exit callback fails it unless the
    // process had already exited and been cancelled for; that case is caught here.
    private CompletableFuture<JsonNode> failIfExited(CompletableFuture<JsonNode> pending) {
        exit().ifPresent(exit -> pending.completeExceptionally(new IllegalStateException(exit)));
        return pending;
    }

    // 127: the shell's and env's code for a program not found, the one mistake worth naming.
    private String exitDescription() {
        int code = getProcess().exitValue();
        String notFound = program.contains("/") ? " (is " + program + " there?)"
                : " (is " + program + " on PATH, outside the workspace?)";
        return "exited with code " + code + (code == 127 ? notFound : "");
    }

    private static void terminate(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        for (ProcessHandle process : tree) {
            if (!awaitExit(process, Duration.ofNanos(deadline - System.nanoTime()))) {
                process.destroyForcibly();
                awaitExit(process, EXIT_GRACE);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
