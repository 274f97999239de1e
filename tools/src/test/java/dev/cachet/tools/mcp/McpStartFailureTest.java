package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.sandbox.ServerEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Servers that never come up: these need no MCP server installed. */
class McpStartFailureTest {
    // Far below the one-minute startup timeout: a server that exits or cannot be reached is reported at once.
    @Test
    @Timeout(20)
    void a_command_that_exits_at_once_fails_promptly_naming_the_server_and_its_exit_code() {
        assertThatThrownBy(() -> McpConnection.open(McpServerConfig.stdio("broken", List.of("false")), AsStarted.ENVIRONMENT, w -> {}))
                .isInstanceOf(McpServerException.class)
                .hasMessage("mcp server 'broken' failed to start: exited with code 1");
    }

    @Test
    void a_handshake_that_timed_out_says_how_long_it_was_given() {
        RuntimeException wrapped = new RuntimeException(new ExecutionException(new TimeoutException()));

        assertThat(McpConnection.timedOut(wrapped)).contains("did not answer the handshake within 60s");
        assertThat(McpConnection.timedOut(new IllegalStateException("closed"))).isEmpty();
    }

    @Test
    @Timeout(20)
    void a_missing_binary_fails_naming_the_server_and_why() {
        assertThatThrownBy(() -> McpConnection.open(McpServerConfig.stdio("ghost", List.of("cachet-no-such-mcp-server")), AsStarted.ENVIRONMENT, w -> {}))
                .isInstanceOf(McpServerException.class)
                .hasMessage("mcp server 'ghost' failed to start: exited with code 127 (is cachet-no-such-mcp-server "
                        + "on PATH, outside the workspace?)");
    }

    @Test
    @Timeout(20)
    void the_servers_program_is_found_on_the_path_given_never_in_a_workspace_folder(@TempDir Path dir) throws IOException {
        // An activated virtualenv puts the workspace's .venv/bin first: a program the agent wrote there must not start.
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path planted = Files.createDirectories(workspace.resolve(".venv/bin"));
        Path system = Files.createDirectories(dir.resolve("bin"));
        for (Path folder : List.of(planted, system)) {
            Path program = folder.resolve("cachet-test-server");
            Files.writeString(program, "#!/bin/sh\ntouch " + folder.resolve("ran") + "\nexit 3\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> environment = Map.of("PATH", planted + ":" + system + ":/usr/bin:/bin");

        assertThatThrownBy(() -> McpConnection.open(McpServerConfig.stdio("srv", List.of("cachet-test-server")),
                ServerEnvironment.outside(workspace, environment), w -> {}))
                .hasMessage("mcp server 'srv' failed to start: exited with code 3");
        assertThat(system.resolve("ran")).exists();
        assertThat(planted.resolve("ran")).doesNotExist();
    }

    @Test
    @Timeout(20)
    void an_http_url_where_nothing_listens_fails_naming_the_server() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free now, and nothing listens once the socket is closed
        }
        String url = "http://127.0.0.1:" + port + "/mcp";

        assertThatThrownBy(() -> McpConnection.open(McpServerConfig.http("docs", url), AsStarted.ENVIRONMENT, w -> {}))
                .isInstanceOf(McpServerException.class)
                .hasMessageStartingWith("mcp server 'docs' at " + url + " failed to start: ")
                .message().doesNotEndWith("ClosedChannelException");
    }

    @Test
    void servers_that_fail_to_start_are_one_warning_each_and_offer_no_tools() {
        List<String> warnings = new ArrayList<>();

        try (McpServers servers = McpServers.start(List.of(
                McpServerConfig.stdio("broken", List.of("false")),
                McpServerConfig.stdio("ghost", List.of("cachet-no-such-mcp-server"))), AsStarted.ENVIRONMENT, warnings::add)) {
            assertThat(servers.tools()).isEmpty();
            assertThat(servers.connections()).isEmpty();
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).isEqualTo("mcp server 'broken' failed to start: exited with code 1; its tools are not available");
        assertThat(warnings.get(1)).startsWith("mcp server 'ghost' failed to start: ").endsWith("; its tools are not available");
    }

    @Test
    void the_variables_withheld_are_named_once_when_stdio_servers_start_and_not_without_servers() {
        ServerEnvironment environment = new ServerEnvironment(Map.of("PYTHONPATH", "/ws/src", "NODE_PATH", "/ws/lib"),
                Set.of("PYTHONPATH", "NODE_PATH"));
        List<String> warnings = new ArrayList<>();

        McpServers.start(List.of(McpServerConfig.stdio("a", List.of("false")), McpServerConfig.stdio("b", List.of("false"))),
                environment, warnings::add).close();
        McpServers.start(List.of(), environment, warnings::add).close();

        assertThat(warnings).hasSize(3).first().isEqualTo("mcp servers are started without NODE_PATH, PYTHONPATH: "
                + "they name the workspace, which the agent can write (a server's env: in the config passes one)");
    }

    @Test
    void rejects_two_servers_with_the_same_name() {
        McpServerConfig config = McpServerConfig.stdio("twin", List.of("false"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServers.start(List.of(config, config), AsStarted.ENVIRONMENT, w -> {}))
                .withMessage("two mcp servers are named twin");
    }
}
