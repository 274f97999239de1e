package dev.cachet.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.SseFixtures;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.Usage;
import dev.cachet.providers.http.JsonHttp;
import dev.cachet.providers.http.RetryPolicy;
import dev.cachet.providers.http.RetryingTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Streamed answers from a local server sending the Messages API's server-sent events as Anthropic documents them. */
class AnthropicStreamingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STREAM = SseFixtures.load("anthropic-text-and-tool-use.sse");

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final TextStream watcher = new TextStream() {
        @Override
        public void text(String delta) {
            shown.add(delta);
        }

        @Override
        public void restarted(String why) {
            shown.add("<restarted: " + why + ">");
        }
    };



    private AnthropicClient client() {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));
        return new AnthropicClient("claude-sonnet-4-6", server.url("/").toString(), "sk-test-secret", 1024, RequestLifetime.fixed(Duration.ofMinutes(5)),
                new JsonHttp(new RetryingTransport("anthropic", Duration.ofSeconds(10), retry, waits::add)));
    }

    private static Window window() {
        return new WindowFactory(TokenCounter.o200k()).builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("You are careful."))).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(new UserText("fix the test"))).build();
    }

    @Test
    void text_arrives_in_pieces_in_order_and_the_turn_and_usage_are_those_of_the_whole_answer() throws Exception {
        server.enqueue(SseFixtures.events(STREAM));

        ModelResponse response = client().complete(window(), watcher);

        assertThat(shown).containsExactly("Running", " the", " tests.");
        assertThat(response.turn()).isEqualTo(AssistantTurn.calls("Running the tests.",
                new ToolCall("toolu_02", "run_command", "{\"command\":\"sh check.sh\"}")));
        // input, cache write and cache read from message_start; output from message_delta, which is cumulative.
        assertThat(response.usage()).contains(new Usage(12, 340, 1500, 41, 0));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_USE);
        var request = server.takeRequest();
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(request.getHeaders().get("accept")).isEqualTo("text/event-stream");
    }

    @Test
    void the_same_answer_streamed_or_whole_is_the_same_response() {
        server.enqueue(SseFixtures.events(STREAM));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"Running the tests."},
                            {"type":"tool_use","id":"toolu_02","name":"run_command","input":{"command":"sh check.sh"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":12,"cache_creation_input_tokens":340,"cache_read_input_tokens":1500,"output_tokens":41}}""")
                .build());

        ModelResponse streamed = client().complete(window(), watcher);
        ModelResponse whole = client().complete(window());

        assertThat(streamed.turn()).isEqualTo(whole.turn());
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
    }

    @Test
    void a_message_delta_with_cumulative_input_and_cache_counts_overrides_message_start() {
        server.enqueue(SseFixtures.events(STREAM.replace("\"usage\":{\"output_tokens\":41}",
                "\"usage\":{\"input_tokens\":15,\"cache_creation_input_tokens\":350,\"cache_read_input_tokens\":1600,\"output_tokens\":41}")));

        assertThat(client().complete(window(), watcher).usage()).contains(new Usage(15, 350, 1600, 41, 0));
    }

    @Test
    void a_tool_called_without_arguments_gets_the_empty_object() {
        server.enqueue(SseFixtures.events(STREAM.replace("{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"command\\\": \\\"sh ch\"}",
                "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}")
                .replace("{\"type\":\"input_json_delta\",\"partial_json\":\"eck.sh\\\"}\"}", "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}")));

        assertThat(client().complete(window(), watcher).turn().toolCalls().get(0).arguments()).isEqualTo("{}");
    }

    @Test
    void events_out_of_the_documented_shape_fail_as_the_providers_answer_not_as_a_crash() {
        String start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[],\"usage\":{}}}\n\n";
        String stop = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        List<String> malformed = List.of(
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":5}\n\n" + stop,
                start + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":3,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n" + stop,
                start + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":-1,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" + stop,
                start + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":7}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                        + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n" + stop,
                start + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":\"x\"}\n\n" + stop);
        for (String stream : malformed) {
            server.enqueue(SseFixtures.events(stream));

            assertThatThrownBy(() -> client().complete(window(), watcher)).as(stream).isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("anthropic: ");
        }
    }

    @Test
    void a_block_started_far_past_the_last_one_is_refused_before_the_content_grows_to_its_index() {
        server.enqueue(SseFixtures.events("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[],"
                + "\"usage\":{}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":2000000000,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));

        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("block 2000000000");
    }

    @Test
    void a_second_message_start_carries_nothing_of_the_first_messages_text_over() {
        String start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[],\"usage\":{}}}\n\n";
        String block = "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
        // The second message comes with its text block already in its content, as a hostile server may send it.
        String again = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":"
                + "[{\"type\":\"text\",\"text\":\"\"}],\"usage\":{}}}\n\n";
        server.enqueue(SseFixtures.events(start + block + delta("first ") + again + delta("second")
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));

        assertThat(client().complete(window(), watcher).turn().text()).isEqualTo("second");
    }

    private static String delta(String text) {
        return "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                + text + "\"}}\n\n";
    }

    @Test
    void a_long_text_in_many_small_deltas_is_joined_in_time_linear_in_its_length() {
        StringBuilder stream = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                + "{\"content\":[],\"usage\":{}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\","
                + "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        String delta = "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ab\"}}\n\n";
        stream.append(delta.repeat(200_000));
        stream.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        server.enqueue(SseFixtures.events(stream.toString()));

        // Joined delta by delta in the block, the 400,000 characters were copied 200,000 times: about a minute.
        ModelResponse response = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client().complete(window(), watcher));

        assertThat(response.turn().text()).hasSize(400_000).startsWith("abab");
    }

    @Test
    void a_stream_cut_mid_way_is_asked_again_and_the_text_shown_so_far_is_voided() {
        server.enqueue(SseFixtures.events(STREAM.substring(0, STREAM.indexOf("event: content_block_stop"))));
        server.enqueue(SseFixtures.events(STREAM));

        ModelResponse response = client().complete(window(), watcher);

        assertThat(response.usage()).contains(new Usage(12, 340, 1500, 41, 0));
        assertThat(shown).containsExactly("Running", " the", " tests.",
                "<restarted: anthropic: the stream was cut short after 6 events (request req_stream)>",
                "Running", " the", " tests.");
        assertThat(waits).hasSize(1);
    }

    @Test
    void an_overloaded_error_in_the_stream_is_retried_and_a_refused_request_is_not() {
        String overloaded = STREAM.substring(0, STREAM.indexOf("event: content_block_start"))
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        server.enqueue(SseFixtures.events(overloaded));
        server.enqueue(SseFixtures.events(STREAM));
        assertThat(client().complete(window(), watcher).turn().text()).isEqualTo("Running the tests.");
        assertThat(waits).hasSize(1);

        server.enqueue(SseFixtures.events("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}\n\n"));
        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: invalid_request_error: bad (request req_stream)");
        assertThat(waits).hasSize(1);
    }

    @Test
    void a_stream_cut_short_every_time_fails_clean_naming_how_far_it_got() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(SseFixtures.events(STREAM.substring(0, STREAM.indexOf("event: message_stop"))));
        }

        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: the stream was cut short after 13 events (request req_stream) (gave up after 3 attempts)");
    }

    @Test
    void a_whole_json_answer_to_a_streamed_request_is_one_clear_error() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("{}").build());

        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessage("anthropic: asked for a stream of events, got an answer of type application/json");
    }

    @Test
    void an_error_status_before_the_stream_is_retried_as_without_streaming() {
        server.enqueue(new MockResponse.Builder().code(529).addHeader("retry-after", "2")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}").build());
        server.enqueue(SseFixtures.events(STREAM));

        assertThat(client().complete(window(), watcher).usage()).contains(new Usage(12, 340, 1500, 41, 0));
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }
}
