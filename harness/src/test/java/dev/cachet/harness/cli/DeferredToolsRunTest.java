package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that finds and calls two tools of a real MCP server (the reference "everything" server, installed by
 * .ci/run) through tool_search and call_tool, against a local server speaking the Anthropic Messages API.
 */
@Tag("mcp")
class DeferredToolsRunTest {
    private static final Path SERVER = Path.of("../tools/src/test/resources/mcp/node_modules/.bin/mcp-server-everything")
            .toAbsolutePath().normalize();

    @TempDir
    Path workspace;

    @TempDir
    Path configDir;

    @StartStop
    final MockWebServer provider = new MockWebServer();

    private static MockResponse toolUse(int n, String tool, String input) {
        return StreamedAnswers.anthropic("""
                {"id":"msg_%d","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"tool_use","id":"toolu_%d","name":"%s","input":%s}],
                 "stop_reason":"tool_use","usage":{"input_tokens":100,"cache_creation_input_tokens":0,
                 "cache_read_input_tokens":0,"output_tokens":20}}""".formatted(n, n, tool, input));
    }

    private CliRun run(String loading) throws Exception {
        assumeTrue(Files.isExecutable(SERVER), "MCP test server not installed (npm ci --prefix tools/src/test/resources/mcp)");
        Map<String, String> environment = new HashMap<>(CliRun.userConfig(configDir,
                "mcp_servers:\n  everything:\n    command: [\"" + SERVER + "\"]\n"));
        environment.put("ANTHROPIC_API_KEY", "test");
        return CliRun.withEnvironment(environment, "run",
                "-w", workspace.toString(), "-m", "anthropic:claude-sonnet-4-6", "--base-url", provider.url("/").toString(),
                "--sandbox", "full", "--tools", loading, "use the everything server");
    }

    private List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = provider.getRequestCount(); i > 0; i--) {
            bodies.add(Json.mapper().readTree(provider.takeRequest().getBody().utf8()));
        }
        return bodies;
    }

    @Test
    void discovering_and_calling_two_deferred_tools_never_changes_the_tools_array() throws Exception {
        provider.enqueue(toolUse(1, "tool_search", "{\"query\":\"echo\"}"));
        provider.enqueue(toolUse(2, "call_tool", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello deferred\"}}"));
        provider.enqueue(toolUse(3, "tool_search", "{\"query\":\"sum of two numbers\"}"));
        provider.enqueue(toolUse(4, "call_tool", "{\"name\":\"get-sum\",\"arguments\":{\"a\":20,\"b\":22}}"));
        provider.enqueue(toolUse(5, "finish", "{\"summary\":\"echoed and summed\"}"));

        CliRun run = run("deferred");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<JsonNode> bodies = requests();
        assertThat(bodies).hasSize(5);
        String first = bodies.get(0).get("tools").toString();
        assertThat(bodies).allSatisfy(body -> assertThat(body.get("tools").toString()).isEqualTo(first));
        List<String> names = new ArrayList<>();
        bodies.get(0).get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).contains("read_file", "tool_search", "call_tool").doesNotContain("echo", "get-sum");

        String seen = bodies.get(4).get("messages").toString();
        assertThat(seen).contains("## echo", "## get-sum", "hello deferred", "42");
    }

    @Test
    void eager_loading_sends_every_server_schema_in_the_tools_array() throws Exception {
        provider.enqueue(toolUse(1, "echo", "{\"message\":\"hi\"}"));
        provider.enqueue(toolUse(2, "finish", "{\"summary\":\"echoed\"}"));

        CliRun run = run("eager");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<JsonNode> bodies = requests();
        List<String> names = new ArrayList<>();
        bodies.get(0).get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        assertThat(names).contains("read_file", "echo", "get-sum").doesNotContain("tool_search", "call_tool");
        assertThat(bodies.get(1).get("messages").toString()).contains("Echo: hi");
    }
}
