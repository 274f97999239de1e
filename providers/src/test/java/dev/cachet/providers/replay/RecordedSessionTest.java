package dev.cachet.providers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedSessionTest {
    private static final String TURN_1 = """
            {"type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "Listing files.", \
            "tool_calls": [{"id": "call_1", "name": "list_files", "arguments": "{}"}]}}""";
    private static final String TURN_2 = """
            {"type": "model_response", "turn": 2, "message": {"role": "assistant", "text": "Done.", \
            "tool_calls": [{"id": "call_2", "name": "finish", "arguments": "{\\"summary\\": \\"ok\\"}"}]}}""";
    private static final String TURN_3_TEXT_ONLY = """
            {"type": "model_response", "message": {"role": "assistant", "text": "All good."}}""";

    private static final AssistantTurn EXPECTED_1 =
            AssistantTurn.calls("Listing files.", new ToolCall("call_1", "list_files", "{}"));
    private static final AssistantTurn EXPECTED_2 =
            AssistantTurn.calls("Done.", new ToolCall("call_2", "finish", "{\"summary\": \"ok\"}"));

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private RecordedSession read(Path file) {
        return RecordedSession.read(file, warnings::add);
    }

    @Test
    void a_torn_last_line_is_dropped_with_a_warning() throws IOException {
        Path file = dir.resolve("torn.jsonl");
        Files.writeString(file, TURN_1 + "\n" + TURN_2.substring(0, 40), StandardCharsets.UTF_8);

        assertThat(read(file).turns()).containsExactly(EXPECTED_1);
        assertThat(warnings).singleElement().asString().contains(file + ":2:");
    }

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("session.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void reads_model_responses_in_file_order() throws IOException {
        Path file = file(TURN_1, TURN_2, TURN_3_TEXT_ONLY);

        RecordedSession session = read(file);

        assertThat(session.turns()).containsExactly(EXPECTED_1, EXPECTED_2, AssistantTurn.text("All good."));
        assertThat(session.source()).isEqualTo(file.toString());
    }

    @Test
    void order_is_the_file_order_not_the_turn_field() throws IOException {
        RecordedSession session = read(file(TURN_2, TURN_1));

        assertThat(session.turns()).containsExactly(EXPECTED_2, EXPECTED_1);
    }

    @Test
    void ignores_events_of_other_types() throws IOException {
        Path file = file(
                "{\"type\": \"session_start\", \"task\": \"fix it\", \"model\": \"replay\"}",
                "{\"type\": \"window\", \"tokens\": {\"system\": 12}, \"hash\": \"abc\"}",
                TURN_1,
                "{\"type\": \"tool_call\", \"name\": \"list_files\", \"message\": {\"role\": \"user\", \"text\": \"x\"}}",
                "{\"type\": \"tool_result\", \"content\": \"a.txt\"}",
                TURN_2,
                "{\"type\": \"stop\", \"reason\": \"done\"}");

        assertThat(read(file).turns()).containsExactly(EXPECTED_1, EXPECTED_2);
    }

    @Test
    void reads_a_full_session_log_event_with_usage_and_cost() throws IOException {
        Path file = file("""
                {"type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "hi", "tool_calls": []}, \
                "usage": {"uncached_input_tokens": 10, "cache_write_tokens": 0, "cache_read_tokens": 0, \
                "output_tokens": 2, "reasoning_tokens": 0, "input_tokens": 10}, "cost_usd": 0.00006, "latency_ms": 812}""");

        assertThat(read(file).turns()).containsExactly(AssistantTurn.text("hi"));
    }

    @Test
    void skips_blank_and_whitespace_only_lines() throws IOException {
        Path file = file("", TURN_1, "   ", "\t", "", TURN_2, "");

        assertThat(read(file).turns()).containsExactly(EXPECTED_1, EXPECTED_2);
    }

    @Test
    void a_truncated_line_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file(TURN_1, TURN_2.substring(0, 40));

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":2:")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void line_numbers_count_blank_lines() throws IOException {
        Path file = file(TURN_1, "", "", "this is not json");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":4:");
    }

    @Test
    void a_json_line_without_a_type_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file(TURN_1, "{\"message\": {\"role\": \"assistant\", \"text\": \"hi\"}}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":2:")
                .hasMessageContaining("\"type\"");
    }

    @Test
    void a_type_that_is_not_a_string_is_an_error() throws IOException {
        Path file = file("{\"type\": 7}", TURN_1);

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":1:");
    }

    @Test
    void a_json_line_that_is_not_an_object_is_an_error() throws IOException {
        Path file = file(TURN_1, "[\"model_response\"]");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":2:");
    }

    @Test
    void a_model_response_from_another_role_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file(TURN_1, TURN_2,
                "{\"type\": \"model_response\", \"message\": {\"role\": \"user\", \"text\": \"fix it\"}}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":3:")
                .hasMessageContaining("assistant");
    }

    @Test
    void a_model_response_with_an_unknown_role_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file("{\"type\": \"model_response\", \"message\": {\"role\": \"robot\", \"text\": \"beep\"}}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":1:");
    }

    @Test
    void a_model_response_without_a_message_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file(TURN_1, "{\"type\": \"model_response\", \"turn\": 2}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":2:");
    }

    @Test
    void a_tool_call_without_an_id_is_an_error_naming_the_file_and_line() throws IOException {
        Path file = file("{\"type\": \"model_response\", \"message\": {\"role\": \"assistant\", \"text\": \"\", "
                + "\"tool_calls\": [{\"name\": \"list_files\", \"arguments\": \"{}\"}]}}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":1:");
    }

    @Test
    void a_line_with_trailing_content_after_the_event_is_an_error() throws IOException {
        Path file = file(TURN_1 + TURN_2);

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file + ":1:");
    }

    @Test
    void a_file_without_model_responses_is_an_error_naming_the_file() throws IOException {
        Path file = file("{\"type\": \"session_start\", \"task\": \"fix it\"}", "{\"type\": \"stop\"}");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("model_response");
    }

    @Test
    void an_empty_file_is_an_error_naming_the_file() throws IOException {
        Path file = dir.resolve("empty.jsonl");
        Files.createFile(file);

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void a_missing_file_is_an_error_naming_the_file() {
        Path missing = dir.resolve("nowhere.jsonl");

        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void a_directory_is_an_error_naming_it() {
        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void errors_from_a_reader_name_the_given_source() {
        InputStream reader = new ByteArrayInputStream((TURN_1 + "\n{\"turn\": 2}\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> RecordedSession.read(reader, "inline recording", warnings::add))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining("inline recording:2:");
    }

    @Test
    void reads_from_a_reader_with_the_given_source() throws IOException {
        InputStream reader = new ByteArrayInputStream((TURN_1 + "\n" + TURN_2).getBytes(StandardCharsets.UTF_8));

        RecordedSession session = RecordedSession.read(reader, "inline recording", warnings::add);

        assertThat(session.source()).isEqualTo("inline recording");
        assertThat(session.turns()).containsExactly(EXPECTED_1, EXPECTED_2);
    }

    @Test
    void turns_cannot_be_changed_after_reading() throws IOException {
        RecordedSession session = read(file(TURN_1));

        assertThatThrownBy(() -> session.turns().add(EXPECTED_2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_bundled_demo_recording_has_seven_turns_ending_with_finish() {
        RecordedSession demo = RecordedSession.read(Path.of("../examples/demo/session.jsonl"), warning -> {});

        List<AssistantTurn> turns = demo.turns();
        assertThat(turns).hasSize(7);
        assertThat(turns).allSatisfy(turn -> assertThat(turn.toolCalls()).hasSize(1));
        assertThat(turns.stream().map(t -> t.toolCalls().get(0).name()))
                .containsExactly("list_files", "run_command", "read_file", "edit_file", "run_command", "git_diff", "finish");
        assertThat(turns.get(6).toolCalls().get(0).id()).isEqualTo("call_7");
    }
}
