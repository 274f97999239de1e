package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.tools.sandbox.ServerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class McpCommandTest {
    private static final Map<String, String> INHERITED =
            Map.of("PATH", "/usr/bin", "GITHUB_TOKEN", "ghp", "MY_API_KEY", "k", "HOME", "/root");

    @Test
    void inherited_secrets_are_unset_unless_the_config_passes_them_by_name() {
        McpServerConfig config = new McpServerConfig("gh", List.of("gh-server", "--stdio"), Map.of("MY_API_KEY", "mine"),
                Optional.empty(), Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT);

        assertThat(McpConnection.commandIn(config, ServerEnvironment.unchanged(INHERITED)))
                .containsExactly("/usr/bin/env", "-u", "GITHUB_TOKEN", "PATH=/usr/bin", "gh-server", "--stdio");
    }

    @Test
    void a_path_the_config_sets_is_the_one_its_program_is_looked_up_on() {
        McpServerConfig config = new McpServerConfig("node", List.of("server"), Map.of("PATH", "/opt/node/bin"),
                Optional.empty(), Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT);

        assertThat(McpConnection.commandIn(config, ServerEnvironment.unchanged(Map.of("PATH", "/usr/bin"))))
                .containsExactly("/usr/bin/env", "PATH=/opt/node/bin", "server");
    }

    @Test
    void the_command_runs_as_configured_in_its_working_directory_on_the_path_given() {
        McpServerConfig config = new McpServerConfig("docs", List.of("docs-server"), Map.of(), Optional.of(Path.of("/srv")),
                Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT);

        assertThat(McpConnection.commandIn(config, ServerEnvironment.unchanged(Map.of("PATH", "/usr/bin"))))
                .containsExactly("/usr/bin/env", "PATH=/usr/bin", "/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", "/srv",
                        "docs-server");
    }

    @Test
    void variables_withheld_are_unset_unless_the_config_passes_them_by_name() {
        McpServerConfig config = new McpServerConfig("py", List.of("server"), Map.of("NODE_OPTIONS", "--inspect"),
                Optional.empty(), Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT);
        ServerEnvironment environment = new ServerEnvironment(Map.of("PATH", "/usr/bin", "PYTHONPATH", "/ws/src",
                "NODE_OPTIONS", "--require /ws/hook.js", "HOME", "/root"), Set.of("PYTHONPATH", "NODE_OPTIONS"));

        assertThat(McpConnection.commandIn(config, environment))
                .containsExactly("/usr/bin/env", "-u", "PYTHONPATH", "PATH=/usr/bin", "server");
    }
}
