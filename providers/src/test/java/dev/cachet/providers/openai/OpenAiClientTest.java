package dev.cachet.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.Usage;
import dev.cachet.providers.http.RetryPolicy;
import dev.cachet.providers.http.RetryingTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The adapter against a local server speaking the chat completions wire format (OpenAI, DeepSeek). */
class OpenAiClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();

    private OpenAiClient client(Optional<String> key) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));
        return new OpenAiClient("gpt-5", server.url("/v1").toString(), key,
                new RetryingTransport("openai", Duration.ofSeconds(10), retry, waits::add));
    }

    private static String answer(String usage) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"gpt-5",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"Checking.",
                   "tool_calls":[{"id":"call_9","type":"function","function":{"name":"grep","arguments":"{\\"pattern\\":\\"bug\\"}"}}]}}],
                 "usage":%s}""".formatted(usage);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body(body).build();
    }

    private static Window window() {
        ToolSpec grep = new ToolSpec("grep", "Search files", JSON.createObjectNode().put("type", "object")
                .set("properties", JSON.createObjectNode().set("pattern",
                        JSON.createObjectNode().put("type", "string").put("description", "regex"))));
        return new WindowFactory(TokenCounter.o200k()).builder().tools(List.of(grep))
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("Be careful."))).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(new UserText("find the bug"),
                        AssistantTurn.calls("", new ToolCall("call_1", "grep", "{\"pattern\":\"x\"}")),
                        new ToolResult("call_1", "grep", "a.txt:1: x", false))).breakpoint()
                .build();
    }

    @Test
    void sends_messages_in_order_with_tool_calls_results_and_function_schemas() throws Exception {
        server.enqueue(ok(answer("{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}")));
        client(Optional.of("sk-openai-test")).complete(window());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-openai-test");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-5");
        JsonNode messages = body.get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant", "tool");
        assertThat(messages.at("/2/tool_calls/0/function/name").asText()).isEqualTo("grep");
        assertThat(messages.at("/2/tool_calls/0/function/arguments").asText()).isEqualTo("{\"pattern\":\"x\"}");
        assertThat(messages.at("/3/tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.at("/3/content").asText()).isEqualTo("a.txt:1: x");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("grep");
        assertThat(body.at("/tools/0/function/parameters/properties/pattern/type").asText()).isEqualTo("string");
    }

    @Test
    void reads_openai_usage_with_cached_and_reasoning_tokens() {
        server.enqueue(ok(answer("{\"prompt_tokens\":2000,\"completion_tokens\":50,\"total_tokens\":2050,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1536},\"completion_tokens_details\":{\"reasoning_tokens\":20}}")));

        ModelResponse response = client(Optional.empty()).complete(window());

        assertThat(response.usage()).contains(new Usage(464, 0, 1536, 50, 20));
        assertThat(response.turn()).isEqualTo(AssistantTurn.calls("Checking.", new ToolCall("call_9", "grep", "{\"pattern\":\"bug\"}")));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_USE);
    }

    @Test
    void an_answer_without_usage_has_unknown_usage_not_zero() {
        server.enqueue(ok(answer("null")));

        assertThat(client(Optional.empty()).complete(window()).usage()).isEmpty();
    }

    @Test
    void a_truncated_answer_is_retried_like_a_dropped_connection() {
        String whole = answer("{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}");
        server.enqueue(ok(whole.substring(0, whole.length() / 2)));
        server.enqueue(ok(whole));

        assertThat(client(Optional.empty()).complete(window()).usage()).contains(new Usage(10, 0, 0, 5, 0));
        assertThat(waits).hasSize(1);
    }

    @Test
    void cached_tokens_past_the_prompt_or_counts_below_zero_bill_nothing_rather_than_a_negative_cost() {
        server.enqueue(ok(answer("{\"prompt_tokens\":10,\"completion_tokens\":-5,\"total_tokens\":5,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":100000000},\"completion_tokens_details\":{\"reasoning_tokens\":-3}}")));
        server.enqueue(ok(answer("{\"prompt_tokens\":1000,\"completion_tokens\":10,\"total_tokens\":1010,"
                + "\"prompt_cache_hit_tokens\":-640}")));

        assertThat(client(Optional.empty()).complete(window()).usage()).contains(new Usage(0, 0, 10, 0, 0));
        assertThat(client(Optional.of("k")).complete(window()).usage()).contains(new Usage(1000, 0, 0, 10, 0));
    }

    @Test
    void a_tool_call_without_an_id_or_a_name_is_read_with_empty_ones_as_a_streamed_answer_gets_them() {
        String usage = "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}";
        server.enqueue(ok(answer(usage).replace("\"id\":\"call_9\",", "")));
        server.enqueue(ok(answer(usage).replace("\"name\":\"grep\",", "")));

        assertThat(client(Optional.empty()).complete(window()).turn().toolCalls())
                .containsExactly(new ToolCall("", "grep", "{\"pattern\":\"bug\"}"));
        assertThat(client(Optional.empty()).complete(window()).turn().toolCalls())
                .containsExactly(new ToolCall("call_9", "", "{\"pattern\":\"bug\"}"));
    }

    @Test
    void reads_deepseek_cache_hits() {
        server.enqueue(ok(answer("{\"prompt_tokens\":1000,\"completion_tokens\":10,\"total_tokens\":1010,"
                + "\"prompt_cache_hit_tokens\":640,\"prompt_cache_miss_tokens\":360}")));

        assertThat(client(Optional.of("k")).complete(window()).usage()).contains(new Usage(360, 0, 640, 10, 0));
    }

    @Test
    void sends_no_authorization_without_a_key() throws Exception {
        server.enqueue(ok(answer("{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}")));
        client(Optional.empty()).complete(window());

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void retries_a_rate_limit_after_the_time_the_server_asks_for_and_reports_other_errors_clearly() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "2")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build());
        server.enqueue(ok(answer("{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}")));
        client(Optional.of("k")).complete(window());
        assertThat(waits).containsExactly(Duration.ofSeconds(2));

        server.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_abc")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}").build());
        assertThatThrownBy(() -> client(Optional.of("sk-secret-key")).complete(window()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("openai: HTTP 401 invalid_request_error: Incorrect API key provided (request req_abc)");
    }
}
