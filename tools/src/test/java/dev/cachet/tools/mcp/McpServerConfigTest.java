package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class McpServerConfigTest {
    private static McpServerConfig config(List<String> command, Map<String, String> env, Optional<String> url) {
        return new McpServerConfig("docs", command, env, Optional.empty(), url, McpServerConfig.DEFAULT_CALL_TIMEOUT);
    }

    @Test
    void stdio_and_http_configs_default_to_a_one_minute_call_timeout() {
        McpServerConfig stdio = McpServerConfig.stdio("everything", List.of("npx", "-y", "@modelcontextprotocol/server-everything"));
        McpServerConfig http = McpServerConfig.http("docs", "http://localhost:8931/mcp");

        assertThat(stdio.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(stdio.url()).isEmpty();
        assertThat(http.command()).isEmpty();
        assertThat(http.url()).contains("http://localhost:8931/mcp");
        assertThat(http.withCallTimeout(Duration.ofSeconds(5)).callTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void needs_exactly_one_of_command_and_url() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config(List.of("srv"), Map.of(), Optional.of("http://localhost/mcp")))
                .withMessage("mcp server 'docs': give either a command or a url, not both");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config(List.of(), Map.of(), Optional.empty()))
                .withMessage("mcp server 'docs': give either a command or a url, not neither");
    }

    @Test
    void a_url_must_be_http_and_takes_no_env_or_working_directory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.http("docs", "ftp://host/mcp"))
                .withMessage("mcp server 'docs': url 'ftp://host/mcp' is not an http:// or https:// URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.http("docs", "http://host/a b"))
                .withMessageStartingWith("mcp server 'docs': url 'http://host/a b' is malformed: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config(List.of(), Map.of("A", "1"), Optional.of("http://host/mcp")))
                .withMessage("mcp server 'docs': env and working directory apply to a command, not to a url");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new McpServerConfig("docs", List.of(), Map.of(), Optional.of(Path.of("/tmp")),
                        Optional.of("http://host/mcp"), Duration.ofSeconds(1)))
                .withMessage("mcp server 'docs': env and working directory apply to a command, not to a url");
    }

    @Test
    void rejects_names_that_do_not_read_as_one_word_blank_command_words_and_non_positive_timeouts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.stdio("my/server", List.of("srv")))
                .withMessage("mcp server name 'my/server' may only contain letters, digits, '.', '_' and '-'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.stdio("docs", List.of("srv", " ")))
                .withMessage("mcp server 'docs': the command has a blank word: [srv,  ]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.stdio("docs", List.of("srv")).withCallTimeout(Duration.ZERO))
                .withMessage("mcp server 'docs': call timeout must be positive, got PT0S");
    }
}
