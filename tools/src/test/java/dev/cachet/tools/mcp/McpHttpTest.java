package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** Against the real reference server over streamable HTTP. */
@Tag("mcp")
@EnabledIf(value = "dev.cachet.tools.mcp.EverythingServer#installed",
        disabledReason = "MCP test server not installed: npm ci --prefix tools/src/test/resources/mcp")
class McpHttpTest {
    private static Process server;
    private static String url;

    @TempDir
    Path root;

    @BeforeAll
    static void startServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(EverythingServer.BIN.toString(), "streamableHttp")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", Integer.toString(port));
        server = builder.start();
        // It says so on stderr once it listens; reading up to that line is the wait.
        BufferedReader stderr = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = stderr.readLine(); line == null || !line.contains("listening on port"); line = stderr.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the MCP HTTP test server exited before listening");
            }
        }
        url = "http://127.0.0.1:" + port + "/mcp";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            Stream.concat(server.descendants(), Stream.of(server.toHandle())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void lists_and_calls_the_tools_of_a_server_behind_a_url() throws McpServerException {
        try (McpConnection docs = McpConnection.open(McpServerConfig.http("docs", url), AsStarted.ENVIRONMENT, w -> {})) {
            Tool echo = docs.tools().stream().filter(t -> t.name().equals("echo")).findFirst().orElseThrow();

            assertThat(ToolTesting.call(echo, root, "message", "over http")).isEqualTo(ToolOutput.ok("Echo: over http"));
            assertThat(docs.tools()).allSatisfy(tool -> assertThat(tool.server()).isEqualTo("docs"));
            assertThat(docs.down()).isEmpty();
        }
    }
}
