package dev.cachet.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.http.JsonHttp;
import dev.cachet.providers.http.RetryPolicy;
import dev.cachet.providers.http.RetryingTransport;
import dev.cachet.providers.pricing.PriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** The adapter against a local server speaking the Messages API wire format, as Anthropic documents it. */
class AnthropicClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6",
             "content":[{"type":"text","text":"Running the tests."},
                        {"type":"tool_use","id":"toolu_02","name":"run_command","input":{"command":"sh check.sh"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":12,"cache_creation_input_tokens":340,"cache_read_input_tokens":1500,"output_tokens":41}}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();

    private AnthropicClient client(Duration timeout, Duration cacheTtl) {
        return client(timeout, RequestLifetime.fixed(cacheTtl));
    }

    private AnthropicClient client(Duration timeout, RequestLifetime lifetime) {
        RetryPolicy retry = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));
        return new AnthropicClient("claude-sonnet-4-6", server.url("/").toString(), "sk-test-secret", 1024, lifetime,
                new JsonHttp(new RetryingTransport("anthropic", timeout, retry, waits::add)));
    }

    private AnthropicClient client(Duration timeout) {
        return client(timeout, Duration.ofMinutes(5));
    }

    private AnthropicClient client() {
        return client(Duration.ofSeconds(10));
    }

    private static Window window() {
        ToolSpec tool = new ToolSpec("run_command", "Run a command",
                JsonNodeFactory.instance.objectNode().put("type", "object"));
        return new WindowFactory(TokenCounter.o200k()).builder()
                .tools(List.of(tool))
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("You are careful."))).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(
                        new UserText("fix the test"),
                        AssistantTurn.calls("Looking.", new ToolCall("toolu_01", "run_command", "{\"command\":\"ls\"}"),
                                new ToolCall("toolu_bad", "run_command", "{\"command\": ")),
                        new ToolResult("toolu_01", "run_command", "exit code 0\nsrc", false),
                        new ToolResult("toolu_bad", "run_command", "arguments are not valid JSON", true)))
                .breakpoint()
                .build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("request-id", "req_ok").body(body).build();
    }

    private static MockResponse error(int status, String type, String message) {
        return new MockResponse.Builder().code(status).addHeader("request-id", "req_" + status)
                .body("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}").build();
    }

    @Test
    void sends_the_window_with_cache_control_exactly_on_its_breakpoints() throws Exception {
        server.enqueue(ok(ANSWER));
        client().complete(window());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-test-secret");
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You are careful.");
        assertThat(body.at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("run_command");
        assertThat(body.at("/tools/0/input_schema/type").asText()).isEqualTo("object");

        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0/content/0/text").asText()).isEqualTo("fix the test");
        assertThat(messages.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(messages.at("/1/content/0/text").asText()).isEqualTo("Looking.");
        assertThat(messages.at("/1/content/1/input/command").asText()).isEqualTo("ls");
        assertThat(messages.at("/1/content/2/input/_unparsed_arguments").asText()).isEqualTo("{\"command\": ");
        // Both tool results share one user message; the breakpoint marks the last of them.
        assertThat(messages.at("/2/role").asText()).isEqualTo("user");
        assertThat(messages.at("/2/content/0/tool_use_id").asText()).isEqualTo("toolu_01");
        assertThat(messages.at("/2/content/0").has("is_error")).isFalse();
        assertThat(messages.at("/2/content/1/is_error").asBoolean()).isTrue();
        assertThat(messages.at("/2/content/1/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(request.getBody().utf8().split("cache_control", -1)).hasSize(3);
    }

    @Test
    void an_hour_long_cache_asks_for_it_on_every_breakpoint() throws Exception {
        server.enqueue(ok(ANSWER));
        client(Duration.ofSeconds(10), Duration.ofHours(1)).complete(window());

        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.at("/system/0/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(body.at("/messages/2/content/1/cache_control/ttl").asText()).isEqualTo("1h");
    }

    /** A long system prompt and the first {@code turns} turns of the session after it, its end a breakpoint. */
    private static Window turns(int turns) {
        List<Message> history = new ArrayList<>(List.of(new UserText("fix the test")));
        for (int i = 0; i < turns; i++) {
            history.add(AssistantTurn.calls("Step " + i, new ToolCall("toolu_" + i, "run_command", "{\"command\":\"ls\"}")));
            history.add(new ToolResult("toolu_" + i, "run_command", "exit code 0\nsrc" + i, false));
        }
        return new WindowFactory(TokenCounter.o200k()).builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("Be careful. ".repeat(3_000)))).breakpoint()
                .segment(SegmentKind.HISTORY, history).breakpoint()
                .build();
    }

    /**
     * The request bodies of four calls under auto, 20 s, 10 min and 20 s apart, each answered {@code answer}: the
     * session has paused once before the last.
     */
    private List<JsonNode> sentUnderAuto(String answer) throws Exception {
        Instant[] now = {Instant.parse("2026-11-25T10:00:00Z")};
        String model = "claude-sonnet-4-6";
        RequestLifetime auto = RequestLifetime.simulated(BreakpointCacheSimulator.anthropic(TokenCounter.o200k(), model,
                CacheLifetime.AUTO, PriceTable.bundled().price(model).orElseThrow()), () -> now[0]);
        AnthropicClient client = client(Duration.ofSeconds(10), auto);
        List<Duration> gaps = List.of(Duration.ZERO, Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofSeconds(20));
        List<JsonNode> sent = new ArrayList<>();
        for (int turn = 0; turn < gaps.size(); turn++) {
            server.enqueue(ok(answer));
            now[0] = now[0].plus(gaps.get(turn));
            client.complete(turns(turn));
            sent.add(JSON.readTree(server.takeRequest().getBody().utf8()));
        }
        return sent;
    }

    @Test
    void under_auto_a_request_asks_for_an_hour_once_the_session_has_paused_and_its_addition_is_small() throws Exception {
        List<JsonNode> sent = sentUnderAuto(ANSWER);

        // No pause yet, then a pause that found the cache cold: all written anew, for 5 minutes.
        for (JsonNode body : sent.subList(0, 3)) {
            assertThat(body.at("/system/0/cache_control").has("ttl")).isFalse();
        }
        // One pause in three gaps, and one turn added to 3,000 tokens: an hour on every breakpoint.
        JsonNode hour = sent.get(3);
        assertThat(hour.at("/system/0/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(hour.at("/messages/6/content/0/cache_control/ttl").asText()).isEqualTo("1h");
    }

    @Test
    void under_auto_a_provider_whose_bills_miss_what_it_cached_keeps_writing_for_five_minutes() throws Exception {
        // Every call billed as written whole: the 20-second-old prefix was not read.
        List<JsonNode> sent = sentUnderAuto(ANSWER.replace("\"cache_read_input_tokens\":1500", "\"cache_read_input_tokens\":0"));

        // The same pauses and addition as where a provider that serves its cache buys an hour.
        assertThat(sent).allSatisfy(body -> assertThat(body.at("/system/0/cache_control").has("ttl")).isFalse());
    }

    @Test
    void the_default_five_minute_cache_sends_no_ttl() throws Exception {
        server.enqueue(ok(ANSWER));
        client().complete(window());

        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).at("/system/0/cache_control").has("ttl")).isFalse();
    }

    @Test
    void reads_the_turn_usage_by_kind_and_stop_reason() {
        server.enqueue(ok(ANSWER));

        ModelResponse response = client().complete(window());

        assertThat(response.turn()).isEqualTo(AssistantTurn.calls("Running the tests.",
                new ToolCall("toolu_02", "run_command", "{\"command\":\"sh check.sh\"}")));
        assertThat(response.usage()).contains(new Usage(12, 340, 1500, 41, 0));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_USE);
    }

    @Test
    void reads_which_cache_writes_were_for_an_hour() {
        server.enqueue(ok(ANSWER.replace("\"cache_creation_input_tokens\":340,", "\"cache_creation_input_tokens\":340,"
                + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":40,\"ephemeral_1h_input_tokens\":300},")));

        assertThat(client().complete(window()).usage()).contains(new Usage(12, 340, 1500, 41, 0, 300));
    }

    @Test
    void counts_below_zero_bill_nothing_rather_than_take_back_what_earlier_turns_cost() {
        server.enqueue(ok(ANSWER.replace("\"cache_creation_input_tokens\":340,", "\"cache_creation_input_tokens\":-340,")
                .replace("\"input_tokens\":12,", "\"input_tokens\":-100000000,").replace("\"output_tokens\":41", "\"output_tokens\":-41")));

        assertThat(client().complete(window()).usage()).contains(new Usage(0, 0, 1500, 0, 0));
    }

    @Test
    void a_keep_alive_ping_is_the_last_request_again_with_one_output_token_and_the_same_breakpoints() throws Exception {
        String pingAnswer = """
                {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"Run"}],"stop_reason":"max_tokens","stop_sequence":null,
                 "usage":{"input_tokens":3,"cache_creation_input_tokens":0,"cache_read_input_tokens":1852,"output_tokens":1}}""";
        server.enqueue(ok(ANSWER));
        server.enqueue(ok(pingAnswer));
        AnthropicClient client = client(Duration.ofSeconds(10), Duration.ofHours(1));

        client.complete(window());
        ModelResponse ping = client.keepAlive().orElseThrow().ping(window());

        JsonNode call = JSON.readTree(server.takeRequest().getBody().utf8());
        JsonNode pinged = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(pinged.get("max_tokens").asInt()).isEqualTo(1);
        assertThat(((ObjectNode) call).put("max_tokens", 1)).isEqualTo(pinged);
        assertThat(pinged.at("/system/0/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(pinged.at("/messages/2/content/1/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(ping.usage()).contains(new Usage(3, 0, 1852, 1, 0));
        assertThat(ping.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
    }

    @Test
    void a_rate_limit_is_retried_after_the_time_the_server_asks_for() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "7")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}").build());
        server.enqueue(ok(ANSWER));

        client().complete(window());

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void overload_and_server_errors_are_retried_with_growing_waits() {
        server.enqueue(error(529, "overloaded_error", "Overloaded"));
        server.enqueue(error(500, "api_error", "Internal"));
        server.enqueue(ok(ANSWER));

        client().complete(window());

        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void a_bad_request_fails_at_once_naming_status_message_and_request_id_but_not_the_key() {
        server.enqueue(error(400, "invalid_request_error", "messages: roles must alternate"));

        assertThatThrownBy(() -> client().complete(window()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: HTTP 400 invalid_request_error: messages: roles must alternate (request req_400)")
                .message().doesNotContain("sk-test-secret");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void gives_up_after_the_last_attempt_with_the_last_error() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(529, "overloaded_error", "Overloaded"));
        }

        assertThatThrownBy(() -> client().complete(window()))
                .hasMessage("anthropic: HTTP 529 overloaded_error: Overloaded (request req_529) (gave up after 4 attempts)");
        assertThat(waits).hasSize(3);
    }

    @Test
    void a_truncated_json_answer_is_retried_like_a_dropped_connection() {
        server.enqueue(ok("{\"content\":[{\"type\":\"text\",\"te"));
        server.enqueue(ok(ANSWER));

        assertThat(client().complete(window()).usage()).contains(new Usage(12, 340, 1500, 41, 0));
        assertThat(waits).hasSize(1);
    }

    @Test
    void answers_cut_short_every_time_end_in_an_error_that_says_so() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok("{\"content\":[{\"type\":\"text\",\"te"));
        }

        assertThatThrownBy(() -> client().complete(window()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: the answer was cut short after 30 characters (request req_ok) (gave up after 4 attempts)");
    }

    @Test
    void an_answer_that_is_not_json_is_a_clear_error_at_once() {
        server.enqueue(ok("<html>gateway</html>"));

        assertThatThrownBy(() -> client().complete(window()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("anthropic: the answer is not valid JSON").hasMessageEndingWith("(request req_ok)");
        assertThat(waits).isEmpty();
    }

    @Test
    void an_answer_without_usage_has_unknown_usage_not_zero() {
        server.enqueue(ok(ANSWER.replaceAll(",\\s*\"usage\":\\{[^}]*}", "")));

        assertThat(client().complete(window()).usage()).isEmpty();
    }

    @Test
    void a_reset_connection_is_retried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(ANSWER));

        assertThat(client().complete(window()).usage().orElseThrow().cacheRead()).isEqualTo(1500);
        assertThat(waits).hasSize(1);
    }

    @Test
    void an_answer_slower_than_the_timeout_is_retried_then_reported() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body(ANSWER).build());
        }

        assertThatThrownBy(() -> client(Duration.ofMillis(150)).complete(window()))
                .hasMessage("anthropic: no answer within 150 ms (gave up after 4 attempts)");
    }
}
