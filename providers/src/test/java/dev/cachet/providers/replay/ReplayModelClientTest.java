package dev.cachet.providers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayModelClientTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    private final TranscriptStrategy transcript = new TranscriptStrategy(new WindowFactory(COUNTER));
    private final ToolSpec grep = new ToolSpec("grep", "search files", JsonNodeFactory.instance.objectNode());
    private final AssistantTurn first = AssistantTurn.calls("Searching.", new ToolCall("c1", "grep", "{\"pattern\":\"bug\"}"));
    private final AssistantTurn second = AssistantTurn.text("The bug is on line 3.");
    private final RecordedSession recording = new RecordedSession("memory.jsonl", List.of(first, second));

    @TempDir
    Path dir;

    private ReplayModelClient client(RecordedSession recording, int minCacheableTokens) {
        return new ReplayModelClient(recording, "claude-sonnet-4-6", COUNTER,
                new BreakpointCacheSimulator(COUNTER, minCacheableTokens, 20));
    }

    private static long tokens(Window window) {
        long sum = 0;
        for (ToolSpec tool : window.tools()) {
            sum += COUNTER.count(tool);
        }
        for (Message message : window.messages()) {
            sum += COUNTER.count(message);
        }
        return sum;
    }

    @Test
    void model_is_the_name_it_is_priced_as() {
        assertThat(client(recording, 1).model()).isEqualTo("claude-sonnet-4-6");
    }

    @Test
    void answers_the_recorded_turns_in_order_whatever_the_window_holds() {
        ReplayModelClient client = client(recording, 1);
        Session session = new Session("sys", List.of(grep), "find the bug");
        Window window = transcript.render(session);

        assertThat(client.complete(window).turn()).isEqualTo(first);
        assertThat(client.complete(window).turn()).isEqualTo(second);
    }

    @Test
    void a_resumed_session_gets_the_recorded_turn_after_those_it_has() {
        Window window = transcript.render(new Session("sys", List.of(grep), "find the bug"));

        assertThat(client(recording, 1).continuing(1).complete(window).turn()).isEqualTo(second);
    }

    @Test
    void finish_reason_follows_the_tool_calls_of_the_turn() {
        ReplayModelClient client = client(recording, 1);
        Window window = transcript.render(new Session("sys", List.of(grep), "find the bug"));

        assertThat(client.complete(window).finishReason()).isEqualTo(FinishReason.TOOL_USE);
        assertThat(client.complete(window).finishReason()).isEqualTo(FinishReason.END_TURN);
    }

    @Test
    void output_tokens_are_the_token_count_of_the_recorded_turn() {
        ReplayModelClient client = client(recording, 1);
        Window window = transcript.render(new Session("sys", List.of(grep), "find the bug"));

        assertThat(client.complete(window).usage().orElseThrow().output()).isEqualTo(COUNTER.count(first));
        assertThat(client.complete(window).usage().orElseThrow().output()).isEqualTo(COUNTER.count(second));
    }

    @Test
    void usage_comes_from_the_cache_simulator_so_an_append_only_second_request_reads_the_first() {
        ReplayModelClient client = client(recording, 1);
        Session session = new Session("You are a coding agent.", List.of(grep), "find the bug");
        Window firstWindow = transcript.render(session);

        ModelResponse r1 = client.complete(firstWindow);
        session.append(r1.turn());
        session.append(new ToolResult("c1", "grep", "src/A.java:3: bug", false));
        Window secondWindow = transcript.render(session);
        ModelResponse r2 = client.complete(secondWindow);

        long firstTokens = tokens(firstWindow);
        long secondTokens = tokens(secondWindow);
        assertThat(r1.usage()).contains(new Usage(0, firstTokens, 0, COUNTER.count(first), 0));
        assertThat(r2.usage()).contains(new Usage(0, secondTokens - firstTokens, firstTokens, COUNTER.count(second), 0));
        assertThat(r2.usage().orElseThrow().cacheRead()).isPositive();
    }

    @Test
    void windows_under_the_minimum_are_billed_as_uncached_input() {
        ReplayModelClient client = client(recording, 1_000_000);
        Window window = transcript.render(new Session("sys", List.of(grep), "find the bug"));

        assertThat(client.complete(window).usage()).contains(new Usage(tokens(window), 0, 0, COUNTER.count(first), 0));
    }

    @Test
    void an_exhausted_recording_is_a_provider_exception_naming_the_recording_and_the_turn() throws IOException {
        Path file = dir.resolve("short.jsonl");
        Files.writeString(file, """
                {"type": "model_response", "message": {"role": "assistant", "text": "one"}}
                {"type": "model_response", "message": {"role": "assistant", "text": "two"}}
                """);
        ReplayModelClient client = client(RecordedSession.read(file, warning -> {}), 1);
        Window window = transcript.render(new Session("sys", List.of(grep), "find the bug"));
        client.complete(window);
        client.complete(window);

        assertThatThrownBy(() -> client.complete(window))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("turn 3");
        assertThatThrownBy(() -> client.complete(window))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("turn 3");
    }

    @Test
    void replays_the_demo_recording_to_its_finish_call() {
        RecordedSession demo = RecordedSession.read(Path.of("../examples/demo/session.jsonl"), warning -> {});
        ReplayModelClient client = new ReplayModelClient(demo, "claude-sonnet-4-6", COUNTER,
                BreakpointCacheSimulator.anthropic(COUNTER));
        Session session = new Session("You are a coding agent.", List.of(grep), "fix the failing test");

        ModelResponse last = null;
        for (int turn = 1; turn <= 7; turn++) {
            last = client.complete(transcript.render(session));
            session.append(last.turn());
            ToolCall call = last.turn().toolCalls().get(0);
            session.append(new ToolResult(call.id(), call.name(), "ok", false));
        }

        assertThat(last.turn().toolCalls().get(0).name()).isEqualTo("finish");
        assertThatThrownBy(() -> client.complete(transcript.render(session)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("turn 8");
    }
}
