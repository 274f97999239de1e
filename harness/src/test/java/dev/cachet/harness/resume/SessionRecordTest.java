package dev.cachet.harness.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.harness.InputException;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.StopReason;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.catalog.ToolLoading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecordTest {
    private static final String START = "{\"type\":\"session_start\",\"session_id\":\"s1\",\"task\":\"t\",\"strategy\":\"hybrid\","
            + "\"strategy_params\":{\"keep\":20},\"limits\":{\"max_turns\":2,\"max_tokens\":9,\"max_cost_usd\":1,"
            + "\"max_wall_time\":\"PT30M\",\"max_repeated_actions\":3,\"max_consecutive_errors\":5},\"tools\":%s,"
            + "\"model_choice\":{\"spec\":\"anthropic:claude-sonnet-4-6\",\"base_url\":\"\",\"cache_ttl\":\"PT5M\"}}\n";
    private static final String ANSWER = "{\"time\":\"2026-12-05T10:00:0%dZ\",\"type\":\"model_response\",\"turn\":%d,"
            + "\"message\":{\"role\":\"assistant\",\"text\":\"\"},\"usage\":{\"uncached_input_tokens\":10,"
            + "\"cache_write_tokens\":0,\"cache_read_tokens\":0,\"output_tokens\":1,\"reasoning_tokens\":0},\"cost_usd\":0.5}\n";

    @TempDir
    Path dir;

    private SessionRecord record(String text) throws IOException {
        return SessionRecord.read(Files.writeString(dir.resolve("s1.jsonl"), text), warning -> { });
    }

    @Test
    void sums_what_was_spent_and_takes_the_settings_of_the_last_resume() throws IOException {
        SessionRecord record = record(START.formatted("[\"read_file\"]") + ANSWER.formatted(1, 1)
                + "{\"type\":\"stop\",\"turn\":1,\"reason\":\"MAX_TURNS\",\"detail\":\"2 turns\",\"cost_usd\":0.5}\n"
                + "{\"type\":\"resume\",\"session_id\":\"s1\",\"turn\":1,\"strategy\":\"transcript\",\"strategy_params\":{},"
                + "\"limits\":{\"max_turns\":9,\"max_tokens\":9,\"max_cost_usd\":1,\"max_wall_time\":\"PT30M\","
                + "\"max_repeated_actions\":3,\"max_consecutive_errors\":5}}\n"
                + ANSWER.formatted(2, 2)
                + "{\"type\":\"summary_response\",\"usage\":null,\"cost_usd\":0.25,\"summary\":\"so far\"}\n");

        assertThat(record.settings().strategy()).isEqualTo("transcript");
        assertThat(record.settings().limits().maxTurns()).isEqualTo(9);
        assertThat(record.settings().model()).isEmpty();
        assertThat(record.turns()).isEqualTo(2);
        assertThat(record.usage()).isEqualTo(new Usage(20, 0, 0, 2, 0));
        assertThat(record.costUsd()).isEqualTo(1.25);
        assertThat(record.summaries()).containsExactly("so far");
        assertThat(record.stop()).isEmpty();
        assertThat(record.lastActive()).contains(Instant.parse("2026-12-05T10:00:02Z"));
    }

    @Test
    void a_log_that_ends_with_a_stop_tells_how_it_ended_and_keeps_the_model_it_started_with() throws IOException {
        SessionRecord record = record(START.formatted("[\"read_file\"]")
                + "{\"type\":\"stop\",\"turn\":0,\"reason\":\"INTERRUPTED\",\"detail\":\"stopped by Ctrl-C\"}\n");

        assertThat(record.stop()).hasValueSatisfying(stop -> assertThat(stop.reason()).isEqualTo(StopReason.INTERRUPTED));
        assertThat(record.settings().model()).hasValueSatisfying(model -> assertThat(model.spec())
                .isEqualTo("anthropic:claude-sonnet-4-6"));
    }

    @Test
    void the_tools_array_tells_how_mcp_tools_were_offered_and_names_alone_get_schemas() throws IOException {
        assertThat(record(START.formatted("[\"read_file\",\"tool_search\",\"call_tool\"]")).toolLoading())
                .isEqualTo(ToolLoading.DEFERRED);
        assertThat(record(START.formatted("[\"read_file\",\"create_issue\"]")).toolLoading()).isEqualTo(ToolLoading.EAGER);
        assertThat(record(START.formatted("[\"read_file\"]")).tools(ToolBox.core()))
                .singleElement().satisfies(tool -> assertThat(tool.nameOnly()).isFalse())
                .extracting(ToolSpec::name).isEqualTo("read_file");
    }

    @Test
    void a_log_that_does_not_start_a_session_cannot_be_resumed() throws IOException {
        assertThatThrownBy(() -> record(ANSWER.formatted(1, 1))).isInstanceOf(InputException.class)
                .hasMessageContaining("its first event is not a session_start");
    }
}
