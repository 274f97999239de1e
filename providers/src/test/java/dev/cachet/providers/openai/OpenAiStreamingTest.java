package dev.cachet.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
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
import dev.cachet.providers.http.RetryPolicy;
import dev.cachet.providers.http.RetryingTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Streamed chat completions from a local server sending chunks as OpenAI documents them, usage in the last. */
class OpenAiStreamingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = SseFixtures.load("openai-text-and-tool-call.sse");

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final TextStream watcher = shown::add;



    private OpenAiClient client() {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));
        return new OpenAiClient("gpt-5", server.url("/v1").toString(), Optional.of("sk-openai-test"),
                new RetryingTransport("openai", Duration.ofSeconds(10), retry, waits::add));
    }

    private static Window window() {
        return new WindowFactory(TokenCounter.o200k()).builder()
                .segment(SegmentKind.HISTORY, List.of(new UserText("find the bug"))).build();
    }

    @Test
    void text_arrives_in_pieces_in_order_and_the_usage_of_the_last_chunk_is_billed() throws Exception {
        server.enqueue(SseFixtures.events(STREAM));

        ModelResponse response = client().complete(window(), watcher);

        assertThat(String.join("", shown)).isEqualTo("Checking.");
        assertThat(shown).containsSubsequence("Check", "ing.");
        assertThat(response.turn()).isEqualTo(AssistantTurn.calls("Checking.", new ToolCall("call_9", "grep", "{\"pattern\":\"bug\"}")));
        // prompt_tokens counts the cached ones: 2,000 - 1,536 uncached.
        assertThat(response.usage()).contains(new Usage(464, 0, 1536, 50, 20));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_USE);
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void deepseek_cache_hits_are_read_from_the_streamed_usage_chunk() {
        server.enqueue(SseFixtures.events(STREAM.replace("\"prompt_tokens_details\":{\"cached_tokens\":1536,\"audio_tokens\":0}",
                "\"prompt_cache_hit_tokens\":1280,\"prompt_cache_miss_tokens\":720")));

        assertThat(client().complete(window(), watcher).usage()).contains(new Usage(720, 0, 1280, 50, 20));
    }

    @Test
    void a_stream_cut_after_its_first_chunks_fails_clean_and_is_not_asked_again() {
        server.enqueue(SseFixtures.events(STREAM.substring(0, STREAM.indexOf("data: {", STREAM.indexOf("ing.")))));

        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessage("openai: the stream was cut short after 3 events (request req_stream)");
        assertThat(waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_rate_limit_before_the_stream_is_waited_out_and_retried() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "3")
                .body("{\"error\":{\"type\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}").build());
        server.enqueue(SseFixtures.events(STREAM));

        assertThat(client().complete(window(), watcher).usage()).contains(new Usage(464, 0, 1536, 50, 20));
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a_refused_request_is_the_providers_one_line() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad tools\"}}").build());

        assertThatThrownBy(() -> client().complete(window(), watcher)).isInstanceOf(ProviderException.class)
                .hasMessage("openai: HTTP 400 invalid_request_error: bad tools");
    }
}
