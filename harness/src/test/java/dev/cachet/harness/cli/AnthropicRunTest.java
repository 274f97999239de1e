package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet run` end to end against a local server that answers as the Anthropic Messages API does. */
class AnthropicRunTest {
    private static final String KEY = "sk-ant-test-do-not-log";

    @TempDir
    Path workspace;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static MockResponse toolUse(String id, String tool, String input, String usage) {
        return StreamedAnswers.anthropic("""
                {"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"tool_use","id":"%s","name":"%s","input":%s}],
                 "stop_reason":"tool_use","usage":%s}""".formatted(id, id, tool, input, usage));
    }

    @Test
    void runs_a_multi_turn_task_and_bills_exactly_what_the_server_reported() throws Exception {
        server.enqueue(toolUse("toolu_1", "write_file", "{\"path\":\"hello.txt\",\"content\":\"hi\\n\"}",
                "{\"input_tokens\":20,\"cache_creation_input_tokens\":2100,\"cache_read_input_tokens\":0,\"output_tokens\":50}"));
        server.enqueue(toolUse("toolu_2", "run_command", "{\"command\":\"cat hello.txt\"}",
                "{\"input_tokens\":10,\"cache_creation_input_tokens\":300,\"cache_read_input_tokens\":2100,\"output_tokens\":40}"));
        server.enqueue(toolUse("toolu_3", "finish", "{\"summary\":\"wrote hello.txt\"}",
                "{\"input_tokens\":12,\"cache_creation_input_tokens\":200,\"cache_read_input_tokens\":2400,\"output_tokens\":30}"));

        CliRun run = CliRun.withEnvironment(Map.of("ANTHROPIC_API_KEY", KEY), "run", "-w", workspace.toString(),
                "-m", "anthropic:claude-sonnet-4-6", "--base-url", server.url("/").toString(), "--sandbox", "full", "write hello.txt");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(workspace.resolve("hello.txt"))).isEqualTo("hi\n");
        assertThat(run.out()).contains("stopped: done: the model called finish (3 turns)")
                .contains("input 7,142 (cache read 4,500, cache write 2,600, uncached 42), output 120");

        List<JsonNode> log = log();
        JsonNode stop = log.get(log.size() - 1);
        assertThat(stop.at("/usage/cache_read_tokens").asLong()).isEqualTo(4_500);
        assertThat(stop.at("/usage/cache_write_tokens").asLong()).isEqualTo(2_600);
        assertThat(stop.at("/usage/uncached_input_tokens").asLong()).isEqualTo(42);
        assertThat(log.stream().filter(e -> e.get("type").asText().equals("model_response"))
                .mapToLong(e -> e.at("/usage/cache_read_tokens").asLong()).sum()).isEqualTo(4_500);

        List<JsonNode> predictions = log.stream().filter(e -> e.get("type").asText().equals("cache_prediction")).toList();
        assertThat(predictions).hasSize(3);
        assertThat(predictions.get(1).at("/billed/cache_read_tokens").asLong()).isEqualTo(2_100);
        assertThat(predictions).allSatisfy(p -> assertThat(p.get("read_error").asLong()).isEqualTo(
                p.at("/predicted/cache_read_tokens").asLong() - p.at("/billed/cache_read_tokens").asLong()));
        assertThat(predictions.get(0).at("/predicted/cache_read_tokens").asLong()).isZero();

        assertThat(server.getRequestCount()).isEqualTo(3);
        server.takeRequest();
        server.takeRequest();
        RecordedRequest third = server.takeRequest();
        JsonNode body = Json.mapper().readTree(third.getBody().utf8());
        JsonNode messages = body.get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.at("/content/0/tool_use_id").asText()).isEqualTo("toolu_2");
        assertThat(last.at("/content/0/content").asText()).startsWith("exit code 0\nhi");
        assertThat(last.at("/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(body.at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");

        String everything = run.out() + run.err() + Files.readString(logFile());
        assertThat(everything).doesNotContain(KEY);
    }

    @Test
    void the_default_model_is_claude_and_a_missing_api_key_is_an_input_error_that_says_what_to_do() {
        CliRun run = CliRun.of("run", "-w", workspace.toString(), "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo(
                "cachet: ANTHROPIC_API_KEY is not set; export it, or run offline with --model replay:<session.jsonl>");
    }

    private Path logFile() throws Exception {
        return CliRun.logs(workspace).get(0);
    }

    private List<JsonNode> log() throws Exception {
        return Files.readAllLines(logFile()).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }
}
