package dev.cachet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.context.window.WindowBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedModelClientTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    private final AssistantTurn reading = AssistantTurn.calls("reading", new ToolCall("c1", "read_file", "{\"path\":\"a\"}"));
    private final AssistantTurn done = AssistantTurn.text("done");

    private static Window window(String task) {
        return new WindowFactory(COUNTER).builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("sys")))
                .segment(SegmentKind.HISTORY, List.of(new UserText(task)))
                .build();
    }

    @Test
    void answers_with_the_scripted_turns_in_order() {
        ScriptedModelClient client = ScriptedModelClient.of(reading, done);

        assertThat(client.complete(window("one")).turn()).isEqualTo(reading);
        assertThat(client.complete(window("two")).turn()).isEqualTo(done);
    }

    @Test
    void finish_reason_is_tool_use_for_tool_calls_and_end_turn_otherwise() {
        ScriptedModelClient client = ScriptedModelClient.of(reading, done);

        assertThat(client.complete(window("one")).finishReason()).isEqualTo(FinishReason.TOOL_USE);
        assertThat(client.complete(window("two")).finishReason()).isEqualTo(FinishReason.END_TURN);
    }

    @Test
    void bills_every_turn_as_the_given_usage_or_zero() {
        Usage usage = new Usage(1, 2, 3, 4, 0);

        assertThat(ScriptedModelClient.of(usage, done).complete(window("x")).usage()).contains(usage);
        assertThat(ScriptedModelClient.of(done).complete(window("x")).usage()).contains(Usage.ZERO);
    }

    @Test
    void returns_explicit_responses_unchanged() {
        ModelResponse response = new ModelResponse(done, new Usage(10, 0, 0, 2, 1), 250, FinishReason.MAX_TOKENS);
        ScriptedModelClient client = new ScriptedModelClient(List.of(response));

        assertThat(client.complete(window("x"))).isEqualTo(response);
    }

    @Test
    void records_every_window_it_was_sent_in_order() {
        ScriptedModelClient client = ScriptedModelClient.of(reading, done);
        Window first = window("one");
        Window second = window("two");

        client.complete(first);
        client.complete(second);

        assertThat(client.windows()).containsExactly(first, second);
    }

    @Test
    void windows_is_a_snapshot_that_cannot_be_modified() {
        ScriptedModelClient client = ScriptedModelClient.of(reading, done);
        client.complete(window("one"));
        List<Window> snapshot = client.windows();

        client.complete(window("two"));

        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(() -> snapshot.add(window("three"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.windows()).hasSize(2);
    }

    @Test
    void throws_a_provider_exception_naming_the_request_when_the_script_is_exhausted() {
        ScriptedModelClient client = ScriptedModelClient.of(reading, done);
        client.complete(window("one"));
        client.complete(window("two"));

        assertThatThrownBy(() -> client.complete(window("three")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("request 3");
        assertThat(client.windows()).hasSize(2);
    }

    @Test
    void an_empty_script_fails_on_the_first_request() {
        ScriptedModelClient client = ScriptedModelClient.of();

        assertThatThrownBy(() -> client.complete(window("one")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("request 1");
        assertThat(client.windows()).isEmpty();
    }

    @Test
    void model_is_scripted() {
        assertThat(ScriptedModelClient.of(done).model()).isEqualTo("scripted");
    }
}
