package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import dev.cachet.tools.ToolBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachetLogFormatTest {
    /** Written by the harness's SessionLog: every event kind, two turns. */
    private static final Path SESSION = TraceSamples.FIXTURES.resolve("cachet/session.jsonl");

    private final CachetLogFormat format = new CachetLogFormat();

    @TempDir
    Path dir;

    private Trajectory read(Path file) {
        return Traces.only(format, file);
    }

    @Test
    void reads_the_session_start_and_each_model_response_as_a_turn() {
        Trajectory session = read(SESSION);

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
    void the_cache_lifetime_the_session_ran_with_is_read_from_its_start() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        String start = lines.get(0);
        lines.set(0, start.substring(0, start.length() - 1) + ",\"model_choice\":"
                + "{\"spec\":\"anthropic:claude-sonnet-4-6\",\"base_url\":\"\",\"cache_ttl\":\"auto\"}}");
        Path auto = Files.write(dir.resolve("auto.jsonl"), lines);

        assertThat(read(auto).cacheTtl()).contains(CacheLifetime.AUTO);
        assertThat(read(SESSION).cacheTtl()).as("a log from before cachet logged its choice").isEmpty();
    }

    @Test
    void each_turn_has_its_tool_results_and_billed_usage() {
        List<TrajectoryTurn> turns = read(SESSION).turns();

        assertThat(turns.get(0).observations()).containsExactly(
                new ToolResult("c1", "read_file", "1\tclass A {}", false), new ToolResult("c2", "grep", "bad regex", true));
        assertThat(turns.get(1).observations()).containsExactly(new ToolResult("c3", "finish", "done", false));
        assertThat(turns.get(0).usage()).contains(new Usage(100, 2000, 0, 40, 0));
        assertThat(turns.get(1).usage()).contains(new Usage(30, 60, 2000, 12, 5));
    }

    @Test
    void a_turn_is_dated_when_its_call_was_made_the_latency_before_the_line_was_written() {
        TrajectoryTurn first = read(SESSION).turns().get(0);

        assertThat(first.at()).contains(Instant.parse("2026-11-25T09:59:59.100Z"));
    }

    @Test
    void tool_names_become_the_core_tools_schemas() {
        List<ToolSpec> tools = read(SESSION).tools();

        assertThat(tools).extracting(ToolSpec::name).containsExactly("read_file", "grep", "finish");
        assertThat(tools).allSatisfy(tool -> assertThat(ToolBox.core().specs()).contains(tool));
    }

    @Test
    void a_tool_outside_the_core_leaves_the_schemas_unknown() throws IOException {
        Path file = Files.writeString(dir.resolve("other-tools.jsonl"), """
                {"type": "session_start", "task": "t", "tools": ["read_file", "browse"]}
                {"type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "ok"}}
                """);

        assertThat(read(file).tools()).isEmpty();
    }

    @Test
    void a_keepalive_ping_is_no_turn_but_its_summary_keeps_it_as_a_billed_call() throws IOException {
        Path file = Files.writeString(dir.resolve("pinged.jsonl"), """
                {"type": "session_start", "task": "t", "model": "claude-sonnet-4-6", "tools": ["read_file"]}
                {"time": "2026-11-25T10:00:01Z", "type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "a"}, "usage": {"uncached_input_tokens": 100, "cache_write_tokens": 2000, "cache_read_tokens": 0, "output_tokens": 40}, "latency_ms": 1000}
                {"time": "2026-11-25T10:04:31Z", "type": "keepalive_ping", "turn": 1, "ping": 1, "usage": {"uncached_input_tokens": 0, "cache_write_tokens": 0, "cache_read_tokens": 2100, "output_tokens": 1}, "cost_usd": 0.0006}
                {"time": "2026-11-25T10:09:01Z", "type": "keepalive_ping", "turn": 1, "ping": 2, "cost_usd": 0}
                {"time": "2026-11-25T10:10:00Z", "type": "user_message", "turn": 1, "text": "go on"}
                {"time": "2026-11-25T10:10:01Z", "type": "model_response", "turn": 2, "message": {"role": "assistant", "text": "b"}, "latency_ms": 1000}
                """);

        Trajectory session = read(file);
        TraceSummary summary = new TraceSummaries(TokenCounter.o200k()).read(file, new CachetLogFormat()).summaries().get(0);

        assertThat(session.turns()).extracting(turn -> turn.action().text()).containsExactly("a", "b");
        assertThat(session.turns().get(1).userMessages()).extracting(UserText::text).containsExactly("go on");
        assertThat(summary.turns()).hasSize(2);
        assertThat(summary.sideCalls()).containsExactly(
                new SideCall(SideCall.Kind.PING, 1, at("10:04:31"), Optional.of(new Usage(0, 0, 2100, 1, 0))),
                new SideCall(SideCall.Kind.PING, 1, at("10:09:01"), Optional.empty()));
    }

    @Test
    void pings_and_the_summarizers_calls_are_side_calls_of_the_turn_they_came_before() throws IOException {
        Path file = Files.writeString(dir.resolve("compacted.jsonl"), """
                {"type": "session_start", "task": "t", "model": "claude-sonnet-4-6", "tools": ["read_file"]}
                {"time": "2026-11-25T10:00:01Z", "type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "a"}, "latency_ms": 1000}
                {"time": "2026-11-25T10:04:31Z", "type": "keepalive_ping", "turn": 1, "ping": 1, "usage": {"uncached_input_tokens": 0, "cache_write_tokens": 0, "cache_read_tokens": 2100, "output_tokens": 1}, "cost_usd": 0.0006}
                {"time": "2026-11-25T10:05:00Z", "type": "summary_response", "usage": {"uncached_input_tokens": 3000, "cache_write_tokens": 0, "cache_read_tokens": 0, "output_tokens": 200}, "cost_usd": 0.012, "summary": "s"}
                {"time": "2026-11-25T10:05:03Z", "type": "model_response", "turn": 2, "message": {"role": "assistant", "text": "b"}, "latency_ms": 1000}
                {"time": "2026-11-25T10:06:00Z", "type": "keepalive_ping", "turn": 2, "ping": 1, "cost_usd": 0}
                """);

        assertThat(new TraceSummaries(TokenCounter.o200k()).read(file, new CachetLogFormat()).summaries().get(0).sideCalls())
                .isEqualTo(read(file).sideCalls());
        assertThat(read(file).sideCalls()).containsExactly(
                new SideCall(SideCall.Kind.PING, 1, at("10:04:31"), Optional.of(new Usage(0, 0, 2100, 1, 0))),
                new SideCall(SideCall.Kind.SUMMARY, 1, at("10:05:00"), Optional.of(new Usage(3000, 0, 0, 200, 0))),
                new SideCall(SideCall.Kind.PING, 2, at("10:06:00"), Optional.empty()));
    }

    private static Optional<Instant> at(String time) {
        return Optional.of(Instant.parse("2026-11-25T" + time + "Z"));
    }

    @Test
    void a_write_of_twenty_megabytes_reads_back_whole() throws IOException {
        String content = "0123456789 ".repeat(2_000_000);
        String arguments = Json.mapper().createObjectNode().put("path", "big.txt").put("content", content).toString();
        String call = Json.mapper().createObjectNode().put("id", "c1").put("name", "write_file").put("arguments", arguments)
                .toString();
        Path file = Files.writeString(dir.resolve("big.jsonl"), """
                {"type": "session_start", "task": "t", "tools": ["write_file"]}
                {"type": "model_response", "turn": 1, "message": {"role": "assistant", "text": "", "tool_calls": [%s]}}
                """.formatted(call));

        assertThat(read(file).turns().get(0).action().toolCalls().get(0).arguments()).isEqualTo(arguments);
    }

    @Test
    void bytes_that_are_not_utf8_are_named_by_file_line_and_offset() throws IOException {
        byte[] start = "{\"type\": \"session_start\", \"task\": \"t\"}\n{\"type\": \"warning\", \"message\": \""
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(start, start.length + 4);
        bytes[start.length] = (byte) 0xff;
        bytes[start.length + 1] = '"';
        bytes[start.length + 2] = '}';
        bytes[start.length + 3] = '\n';
        Path file = Files.write(dir.resolve("latin1.jsonl"), bytes);

        assertThatExceptionOfType(TraceFormatException.class).isThrownBy(() -> read(file))
                .withMessageStartingWith(file + ":2: not UTF-8 (byte offset " + start.length + ")");
    }

    @Test
    void the_demo_recording_without_session_start_has_seven_turns() throws IOException {
        Trajectory demo = read(TraceSamples.DEMO);
        List<JsonNode> lines = Files.readAllLines(TraceSamples.DEMO).stream().map(CachetLogFormatTest::json).toList();

        assertThat(demo.turns()).hasSize(7);
        assertThat(demo.toolCalls()).isEqualTo(lines.stream().mapToInt(line -> line.at("/message/tool_calls").size()).sum());
        assertThat(demo.turns().get(6).action().toolCalls()).extracting(ToolCall::name).containsExactly("finish");
        assertThat(demo.task()).isEmpty();
        assertThat(demo.model()).isEmpty();
        assertThat(demo.tools()).isEmpty();
        assertThat(demo.hasRecordedUsage()).isFalse();
        assertThat(demo.turns()).allSatisfy(turn -> assertThat(turn.at()).isEmpty());
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
