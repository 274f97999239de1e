package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import dev.cachet.tools.builtin.ReadFileTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** Against the real reference server over stdio. */
@Tag("mcp")
@EnabledIf(value = "dev.cachet.tools.mcp.EverythingServer#installed",
        disabledReason = "MCP test server not installed: npm ci --prefix tools/src/test/resources/mcp")
class McpConnectionTest {
    private static final long WAIT_SECONDS = 20;

    /** One server for the tests that leave it running and unharmed. */
    private static McpConnection everything;
    private static final List<String> listingWarnings = new ArrayList<>();

    @TempDir
    Path root;

    @BeforeAll
    static void startServer() throws McpServerException {
        everything = McpConnection.open(new McpServerConfig("everything", List.of(EverythingServer.BIN.toString(), "stdio"),
                Map.of("CACHET_MCP_TEST", "yes"), Optional.empty(), Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT),
                AsStarted.ENVIRONMENT, listingWarnings::add);
    }

    @AfterAll
    static void stopServer() {
        if (everything != null) {
            everything.close();
        }
    }

    private static McpTool tool(McpConnection connection, String name) {
        return connection.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private ToolOutput call(McpConnection connection, String tool, Object... namesAndValues) {
        return ToolTesting.call(tool(connection, tool), root, namesAndValues);
    }

    private McpConnection open(String name, Path pidFile, Duration callTimeout) throws McpServerException {
        return McpConnection.open(McpServerConfig.stdio(name, EverythingServer.command(pidFile)).withCallTimeout(callTimeout), AsStarted.ENVIRONMENT, w -> {});
    }

    @Test
    void lists_the_servers_tools_under_their_own_names_with_object_schemas() {
        assertThat(everything.tools()).extracting(Tool::name)
                .contains("echo", "get-sum", "get-env", "trigger-long-running-operation");
        for (McpTool tool : everything.tools()) {
            assertThat(tool.server()).isEqualTo("everything");
            assertThat(tool.spec().parameters().path("type").asText()).as(tool.name()).isEqualTo("object");
        }
        assertThat(listingWarnings).isEmpty();
        assertThat(everything.down()).isEmpty();
    }

    @Test
    void keeps_what_langchain4j_schema_model_would_drop() {
        JsonNode duration = tool(everything, "trigger-long-running-operation").spec().parameters().path("properties").path("duration");

        assertThat(duration.path("type").asText()).isEqualTo("number");
        assertThat(duration.path("default").asInt()).isEqualTo(10);
    }

    @Test
    void calls_a_tool() {
        assertThat(call(everything, "echo", "message", "hello from cachet")).isEqualTo(ToolOutput.ok("Echo: hello from cachet"));
        assertThat(call(everything, "get-sum", "a", 2, "b", 3).content()).contains("5");
    }

    @Test
    void with_approve_the_user_is_asked_about_every_argument_however_long_the_first_is() {
        List<String> asked = new ArrayList<>();
        ToolContext declining = ToolTesting.context(root).withApprover(what -> asked.add(what) && false);
        String padding = "Updating the project notes. ".repeat(20);

        ToolOutput output = ToolTesting.call(tool(everything, "get-sum"), declining, "note", padding, "a", 2, "b", 3);

        assertThat(output.error()).isTrue();
        assertThat(asked).containsExactly("call everything/get-sum {\"note\":\"" + padding + "\",\"a\":2,\"b\":3}");
    }

    @Test
    void passes_the_configured_environment_to_the_server() {
        assertThat(call(everything, "get-env").content()).contains("CACHET_MCP_TEST").contains("yes");
    }

    @Test
    void an_error_the_tool_reports_comes_back_as_a_tool_error_naming_server_and_tool() {
        ToolOutput output = call(everything, "echo");

        assertThat(output.error()).isTrue();
        assertThat(output.content())
                .startsWith("mcp tool 'everything/echo' failed: ").contains("Input validation error").contains("message");
        assertThat(everything.down()).isEmpty();
    }

    @Test
    void content_langchain4j_cannot_turn_into_text_is_a_tool_error() {
        ToolOutput output = call(everything, "get-tiny-image");

        assertThat(output).isEqualTo(ToolOutput.error("mcp tool 'everything/get-tiny-image' failed: Unsupported content type: \"image\""));
    }

    @Test
    void output_is_capped_like_command_output() {
        ToolOutput capped = ToolTesting.call(tool(everything, "echo"), ToolTesting.context(root, Duration.ofMinutes(1), 10),
                "message", "x".repeat(100));
        assertThat(capped.content().length()).isLessThan(100);
    }

    @Test
    @Timeout(WAIT_SECONDS)
    void a_call_past_its_timeout_is_a_clear_error_and_the_server_keeps_serving() throws Exception {
        try (McpConnection slow = open("slow", root.resolve("pid"), Duration.ofSeconds(1))) {
            ToolOutput output = call(slow, "trigger-long-running-operation", "duration", 30, "steps", 1);

            assertThat(output).isEqualTo(ToolOutput.error(
                    "mcp tool 'slow/trigger-long-running-operation' timed out after 1s (the server was asked to cancel it)"));
            assertThat(call(slow, "echo", "message", "still here")).isEqualTo(ToolOutput.ok("Echo: still here"));
        }
    }

    @Test
    @Timeout(WAIT_SECONDS)
    void after_the_server_dies_its_tools_fail_at_once_naming_it_and_the_built_in_tools_go_on() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hello\n");
        try (McpConnection doomed = open("doomed", root.resolve("pid"), McpServerConfig.DEFAULT_CALL_TIMEOUT)) {
            ToolBox box = new ToolBox(Stream.concat(Stream.of(new ReadFileTool()), doomed.tools().stream()).toList());
            ProcessHandle server = EverythingServer.process(root.resolve("pid"));

            server.destroyForcibly();
            server.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);

            ToolOutput echo = box.execute(new ToolCall("c1", "echo", "{\"message\":\"hi\"}"), ToolTesting.context(root));
            assertThat(echo).isEqualTo(ToolOutput.error("mcp server 'doomed' crashed: exited with code 137;"
                    + " its tools stay unavailable for this session (called doomed/echo)"));
            assertThat(box.execute(new ToolCall("c2", "read_file", "{\"path\":\"a.txt\"}"), ToolTesting.context(root)))
                    .isEqualTo(ToolOutput.ok("     1\thello\n"));
            assertThat(doomed.down()).contains("exited with code 137");
        }
    }

    @Test
    @Timeout(WAIT_SECONDS)
    void a_server_that_dies_during_a_call_fails_that_call_without_waiting_for_its_timeout() throws Exception {
        try (McpConnection doomed = open("doomed", root.resolve("pid"), Duration.ofMinutes(5))) {
            CompletableFuture<ToolOutput> call = CompletableFuture.supplyAsync(
                    () -> call(doomed, "trigger-long-running-operation", "duration", 600, "steps", 1));

            EverythingServer.process(root.resolve("pid")).destroyForcibly();

            assertThat(call.get(WAIT_SECONDS, TimeUnit.SECONDS).content()).startsWith("mcp server 'doomed' crashed: exited with code ");
        }
    }

    @Test
    void close_leaves_no_process_behind_even_when_the_server_runs_under_a_shell() throws Exception {
        Path pidFile = root.resolve("pid");
        // No exec: the shell stays the direct child and the server is its child, as under npx.
        List<String> command = List.of("/bin/sh", "-c", "echo $$ > \"$0\"; \"$1\" stdio", pidFile.toString(), EverythingServer.BIN.toString());
        McpConnection connection = McpConnection.open(McpServerConfig.stdio("nested", command), AsStarted.ENVIRONMENT, w -> {});
        ProcessHandle shell = EverythingServer.process(pidFile);
        List<ProcessHandle> tree = Stream.concat(Stream.of(shell), shell.descendants()).toList();
        assertThat(tree).hasSizeGreaterThan(1);

        connection.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void runs_the_server_in_its_working_directory() throws Exception {
        Path directory = Files.createDirectory(root.resolve("server home"));
        List<String> command = List.of("/bin/sh", "-c", "pwd > cwd.txt && exec \"$0\" stdio", EverythingServer.BIN.toString());

        try (McpConnection connection = McpConnection.open(new McpServerConfig("home", command, Map.of(),
                Optional.of(directory), Optional.empty(), McpServerConfig.DEFAULT_CALL_TIMEOUT), AsStarted.ENVIRONMENT, w -> {})) {
            assertThat(connection.tools()).isNotEmpty();
        }
        assertThat(Path.of(Files.readString(directory.resolve("cwd.txt")).trim())).isEqualTo(directory.toRealPath());
    }
}
