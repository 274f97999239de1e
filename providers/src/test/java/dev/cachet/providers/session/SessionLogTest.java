package dev.cachet.providers.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.state.FileTouch;
import dev.cachet.context.state.TaskState;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.Usage;
import dev.cachet.providers.replay.RecordedSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final TaskState state = TaskState.forGoal("task").touch("a", FileTouch.READ).withLastError("boom");
    private final AssistantTurn turn = AssistantTurn.calls("reading", new ToolCall("c1", "read_file", "{\"path\":\"a\"}"));

    @Test
    void writes_one_json_object_per_event_with_type_and_time() throws Exception {
        Path path = dir.resolve("s1.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            allEventKinds().forEach(log::on);
        }

        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(8);
        List<JsonNode> events = lines.stream().map(SessionLogTest::parse).toList();
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("session_start", "window", "model_response", "tool_call", "tool_result", "state_update", "stop",
                        "warning");
        assertThat(events).allSatisfy(e -> assertThat(e.get("time").asText()).isEqualTo("2026-11-25T10:00:00Z"));

        JsonNode start = events.get(0);
        assertThat(start.get("session_id").asText()).isEqualTo("s1");
        assertThat(start.at("/limits/max_turns").asInt()).isEqualTo(50);
        assertThat(start.at("/limits/max_wall_time").asText()).isEqualTo("PT30M");
        assertThat(events.get(1).at("/segment_tokens/history").asInt()).isEqualTo(30);
        assertThat(events.get(1).get("prefix_hash").asText()).isEqualTo("abc123");

        JsonNode response = events.get(2);
        assertThat(response.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(response.at("/message/tool_calls/0/arguments").asText()).isEqualTo("{\"path\":\"a\"}");
        assertThat(response.at("/usage/cache_read_tokens").asLong()).isEqualTo(70);
        assertThat(response.at("/usage/input_tokens").asLong()).isEqualTo(100);
        assertThat(response.get("finish_reason").asText()).isEqualTo("TOOL_USE");

        assertThat(events.get(4).at("/result/content").asText()).isEqualTo("1\tx");
        assertThat(Json.mapper().treeToValue(events.get(5).get("state"), TaskState.class)).isEqualTo(state);
        assertThat(events.get(6).get("reason").asText()).isEqualTo("DONE");
    }

    @Test
    void appends_to_an_existing_log_and_never_truncates_its_events() throws Exception {
        Path path = dir.resolve("s2.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ToolCalled(1, new ToolCall("c1", "grep", "{}")));
        }
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ToolCalled(2, new ToolCall("c2", "grep", "{}")));
        }
        assertThat(Files.readAllLines(path)).hasSize(2);
    }

    @Test
    void a_log_has_one_writer_at_a_time() {
        Path path = dir.resolve("busy.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            assertThatThrownBy(() -> new SessionLog(path, CLOCK)).hasMessageContaining("cannot open session log " + path)
                    .hasRootCauseMessage("this process is writing it already");
        }
    }

    @Test
    void appending_to_a_log_a_killed_writer_tore_first_cuts_off_the_torn_line() throws Exception {
        Path path = dir.resolve("torn.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ToolCalled(1, new ToolCall("c1", "grep", "{}")));
        }
        Files.writeString(path, "{\"type\":\"tool_res", StandardOpenOption.APPEND);

        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ToolCalled(2, new ToolCall("c2", "grep", "{}")));
        }

        List<String> warnings = new ArrayList<>();
        assertThat(new SessionLogReader(warnings::add).read(path)).extracting(LoggedEvent::event).containsExactly(
                new SessionEvent.ToolCalled(1, new ToolCall("c1", "grep", "{}")),
                new SessionEvent.ToolCalled(2, new ToolCall("c2", "grep", "{}")));
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_disk_that_fills_up_mid_event_leaves_the_log_ending_with_a_complete_event() throws Exception {
        List<SessionEvent> events = allEventKinds();
        long whole = 0;
        for (int full = 0; full < 3_000; full += 53) {
            Path path = dir.resolve("full-" + full + ".jsonl");
            int written = 0;
            try (SessionLog log = new SessionLog(path, CLOCK, new FillingDisk(path, full))) {
                for (SessionEvent event : events) {
                    log.on(event);
                    written++;
                }
            } catch (SessionLogException e) {
                assertThat(e).hasMessageStartingWith("cannot write session log " + path + ": No space left on device")
                        .hasMessageNotContaining("\n");
            }
            if (written == 0) {
                // An empty log is no session: left, it was the one 'cachet resume' picked, and failed on.
                assertThat(path).as("a log nothing could be written to").doesNotExist();
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            assertThat(bytes[bytes.length - 1] == '\n').as("log ends with a whole line").isTrue();
            assertThat(new SessionLogReader(warning -> { throw new AssertionError(warning); }).read(path))
                    .extracting(LoggedEvent::event).containsExactlyElementsOf(events.subList(0, written));
            whole = Math.max(whole, written);
        }
        assertThat(whole).as("some disks had room for every event").isEqualTo(events.size());
    }

    @Test
    void a_twenty_megabyte_string_is_written_and_read_back() throws Exception {
        Path path = dir.resolve("big.jsonl");
        String content = "x".repeat(21_000_000);
        ToolCall call = new ToolCall("c1", "write_file", Json.mapper().createObjectNode().put("path", "big.txt")
                .put("content", content).toString());
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ModelResponded(1, AssistantTurn.calls("", call), Usage.ZERO, 0, 0,
                    FinishReason.TOOL_USE, 0));
        }

        List<LoggedEvent> read = new SessionLogReader(warning -> { }).read(path);
        AssistantTurn answer = ((SessionEvent.ModelResponded) read.get(0).event()).message();
        assertThat(answer.toolCalls().get(0).arguments()).hasSize(call.arguments().length());
        assertThat(RecordedSession.read(path, warning -> { }).turns()).containsExactly(answer);
    }

    @Test
    void every_event_is_on_disk_as_soon_as_it_is_reported() throws Exception {
        Path path = dir.resolve("s3.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            log.on(new SessionEvent.ToolCalled(1, new ToolCall("c1", "grep", "{}")));
            assertThat(Files.readAllLines(path)).hasSize(1);
        }
    }

    @Test
    void a_session_log_is_a_recording_the_replay_model_can_answer_from() throws Exception {
        Path path = dir.resolve("s4.jsonl");
        try (SessionLog log = new SessionLog(path, CLOCK)) {
            allEventKinds().forEach(log::on);
        }
        assertThat(RecordedSession.read(path, warning -> {}).turns()).containsExactly(turn);
    }

    private List<SessionEvent> allEventKinds() {
        Usage usage = new Usage(10, 20, 70, 5, 0);
        return List.of(
                new SessionEvent.Started("s1", "task", dir.toString(), "claude-sonnet-4-6", "hybrid", Map.of("keep", 10), Limits.DEFAULT,
                        "system", List.of(new ToolSpec("read_file", "Read a file",
                                Json.mapper().createObjectNode().put("type", "object"))),
                        new ModelChoice("anthropic:claude-sonnet-4-6", "", CacheLifetime.AUTO)),
                new SessionEvent.WindowRendered(1, 100, Map.of("system", 10, "tools", 60, "history", 30), "abc123", 2),
                new SessionEvent.ModelResponded(1, turn, usage, 0.001, 12, FinishReason.TOOL_USE, 40),
                new SessionEvent.ToolCalled(1, turn.toolCalls().get(0)),
                new SessionEvent.ToolReturned(1, new ToolResult("c1", "read_file", "1\tx", false), 3),
                new SessionEvent.StateUpdated(1, state),
                new SessionEvent.Stopped(1, StopReason.DONE, "finished", usage, 0.001),
                new SessionEvent.Warned("mcp server 'docs' failed to start"));
    }

    /** A disk with room for {@code room} more bytes of the log: a write past that writes what fits, then fails. */
    private static final class FillingDisk implements LogFile {
        private final DiskLogFile file;
        private long room;

        FillingDisk(Path path, long room) throws IOException {
            Files.createDirectories(path.getParent());
            this.file = new DiskLogFile(path);
            this.room = room;
        }

        @Override
        public long length() throws IOException {
            return file.length();
        }

        @Override
        public long endOfLastLine() throws IOException {
            return file.endOfLastLine();
        }

        @Override
        public void append(byte[] bytes) throws IOException {
            int fits = (int) Math.min(room, bytes.length);
            file.append(Arrays.copyOf(bytes, fits));
            room -= fits;
            if (fits < bytes.length) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void force() throws IOException {
            file.force();
        }

        @Override
        public void truncate(long length) throws IOException {
            room += file.length() - length;
            file.truncate(length);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
