package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.providers.Usage;
import dev.cachet.tools.ToolBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachetLogFormatTest {
    /** Written by the harness's SessionLog: every event kind, two turns. */
    private static final Path SESSION = Path.of("src/test/resources/traces/cachet/session.jsonl");
    /** Hand-written for the replay demo: model_response lines only, without usage or time. */
    private static final Path DEMO = Path.of("../examples/demo/session.jsonl");

    private final CachetLogFormat format = new CachetLogFormat();

    @TempDir
    Path dir;

    @Test
    void reads_the_session_start_and_each_model_response_as_a_turn() {
        Trajectory session = single(SESSION);

        assertThat(session.id()).isEqualTo("session.jsonl");
        assertThat(session.format()).isEqualTo("cachet");
        assertThat(session.model()).contains("claude-sonnet-4-6");
        assertThat(session.systemPrompt()).isEqualTo("You are cachet.");
        assertThat(session.task()).isEqualTo("Fix the wrap bug.");
        assertThat(session.turns()).hasSize(2);
        assertThat(session.turns().get(0).action().text()).isEqualTo("Reading the code.");
        assertThat(session.turns().get(0).action().toolCalls()).containsExactly(
                new ToolCall("c1", "read_file", "{\"path\":\"src/A.java\"}"), new ToolCall("c2", "grep", "{\"pattern\":\"width\"}"));
        assertThat(session.turns()).allSatisfy(turn -> assertThat(turn.userMessages()).isEmpty());
    }

    @Test
    void each_turn_has_its_tool_results_and_billed_usage() {
        List<TrajectoryTurn> turns = single(SESSION).turns();

        assertThat(turns.get(0).observations()).containsExactly(
                new ToolResult("c1", "read_file", "1\tclass A {}", false), new ToolResult("c2", "grep", "bad regex", true));
        assertThat(turns.get(1).observations()).containsExactly(new ToolResult("c3", "finish", "done", false));
        assertThat(turns.get(0).usage()).contains(new Usage(100, 2000, 0, 40, 0));
        assertThat(turns.get(1).usage()).contains(new Usage(30, 60, 2000, 12, 5));
    }

    @Test
    void a_turn_is_dated_when_its_call_was_made_the_latency_before_the_line_was_written() {
        TrajectoryTurn first = single(SESSION).turns().get(0);

        assertThat(first.at()).contains(Instant.parse("2026-11-25T09:59:59.100Z"));
    }

    @Test
    void tool_names_become_the_core_tools_schemas() {
        List<ToolSpec> tools = single(SESSION).tools();

        assertThat(tools).extracting(ToolSpec::name).containsExactly("read_file", "grep", "finish");
        assertThat(tools).allSatisfy(tool -> assertThat(ToolBox.core().specs()).contains(tool));
    }

    @Test
    void a_tool_outside_the_core_leaves_the_schemas_unknown() throws IOException {
        Path file = write("other-tools.jsonl", """
                {"type": "session_start", "task": "t", "tools": ["read_file", "browse"]}
                {"type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "ok"}}
                """);

        assertThat(single(file).tools()).isEmpty();
    }

    @Test
    void the_demo_recording_without_session_start_has_seven_turns() throws IOException {
        Trajectory demo = single(DEMO);
        List<JsonNode> lines = Files.readAllLines(DEMO).stream().map(CachetLogFormatTest::json).toList();

        assertThat(demo.turns()).hasSize(7);
        assertThat(demo.toolCalls()).isEqualTo(lines.stream().mapToInt(line -> line.at("/message/tool_calls").size()).sum());
        assertThat(demo.turns().get(6).action().toolCalls()).extracting(ToolCall::name).containsExactly("finish");
        assertThat(demo.task()).isEmpty();
        assertThat(demo.model()).isEmpty();
        assertThat(demo.tools()).isEmpty();
        assertThat(demo.hasRecordedUsage()).isFalse();
        assertThat(demo.turns()).allSatisfy(turn -> assertThat(turn.at()).isEmpty());
    }

    @Test
    void a_truncated_line_names_the_file_and_line() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        Path file = write("cut.jsonl", lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 80) + "\n");

        assertThatThrownBy(() -> format.read(file)).isInstanceOf(TraceFormatException.class).hasMessageContaining(file + ":3:");
    }

    @Test
    void a_line_without_a_type_names_the_file_line_and_field() throws IOException {
        Path file = write("untyped.jsonl", "{\"type\": \"window\", \"turn\": 1}\n{\"turn\": 1}\n");

        assertThatThrownBy(() -> format.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("\"type\"");
    }

    @Test
    void a_model_response_holding_no_assistant_message_names_the_field() throws IOException {
        Path file = write("wrong-role.jsonl", "{\"type\": \"model_response\", \"turn\": 1, \"message\": {\"role\": \"user\", \"text\": \"hi\"}}\n");

        assertThatThrownBy(() -> format.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(file + ":1:").hasMessageContaining("\"message\"").hasMessageContaining("assistant");
    }

    @Test
    void a_log_without_model_responses_names_the_file() throws IOException {
        Path file = write("started.jsonl", "{\"type\": \"session_start\", \"task\": \"t\"}\n");

        assertThatThrownBy(() -> format.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("model_response");
    }

    @Test
    void an_empty_file_names_the_file() throws IOException {
        Path file = write("empty.jsonl", "\n");

        assertThatThrownBy(() -> format.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("empty");
    }

    @Test
    void recognises_its_logs() {
        assertThat(recognises(SESSION)).isTrue();
        assertThat(recognises(DEMO)).isTrue();
    }

    private Trajectory single(Path file) {
        List<Trajectory> read = format.read(file);
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private boolean recognises(Path file) {
        return format.recognises(file, JsonFiles.head(file, 8192));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
