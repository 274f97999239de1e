package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.Tool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

@Tag("mcp")
@EnabledIf(value = "dev.cachet.tools.mcp.EverythingServer#installed",
        disabledReason = "MCP test server not installed: npm ci --prefix tools/src/test/resources/mcp")
class McpServersTest {
    @Test
    void a_server_that_fails_to_start_is_one_warning_and_the_others_keep_their_tools() {
        List<String> everything = List.of(EverythingServer.BIN.toString(), "stdio");
        List<String> warnings = new ArrayList<>();

        try (McpServers servers = McpServers.start(List.of(
                McpServerConfig.stdio("first", everything),
                McpServerConfig.stdio("broken", List.of("false")),
                McpServerConfig.stdio("second", everything)), AsStarted.ENVIRONMENT, warnings::add)) {
            List<McpTool> firstTools = servers.connections().get(0).tools();

            assertThat(servers.connections()).extracting(McpConnection::server).containsExactly("first", "second");
            assertThat(servers.tools()).containsExactlyElementsOf(firstTools);
            assertThat(servers.tools()).extracting(Tool::name).contains("echo");
            assertThat(warnings).first().isEqualTo("mcp server 'broken' failed to start: exited with code 1; its tools are not available");
            assertThat(warnings).contains("mcp tool 'second/echo' skipped: 'first' already offers a tool named echo")
                    .hasSize(1 + firstTools.size());
        }
    }
}
