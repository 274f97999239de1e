package dev.cachet.providers.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogReaderTest {
    private static final String START = "{\"time\":\"2026-12-01T10:00:00Z\",\"type\":\"session_start\",\"session_id\":\"s1\","
            + "\"task\":\"fix it\",\"model\":\"anthropic:m\",\"strategy\":\"hybrid\"}";
    private static final String ANSWER = "{\"time\":\"2026-12-01T10:00:05Z\",\"type\":\"model_response\",\"turn\":1,"
            + "\"message\":{\"role\":\"assistant\",\"text\":\"done\"},\"usage\":{\"uncached_input_tokens\":10,"
            + "\"cache_write_tokens\":0,\"cache_read_tokens\":0,\"output_tokens\":3,\"reasoning_tokens\":0},\"cost_usd\":0.001}";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final SessionLogReader reader = new SessionLogReader(warnings::add);

    private Path log(String content) throws IOException {
        Path file = dir.resolve("s1.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void reads_each_event_with_its_line_and_time() throws IOException {
        List<LoggedEvent> events = reader.read(log(START + "\n\n" + ANSWER + "\n"));

        assertThat(events).extracting(LoggedEvent::line).containsExactly(1, 3);
        assertThat(events.get(0).event()).isInstanceOfSatisfying(SessionEvent.Started.class,
                started -> assertThat(started.task()).isEqualTo("fix it"));
        assertThat(events.get(1).event()).isInstanceOfSatisfying(SessionEvent.ModelResponded.class, answer -> {
            assertThat(answer.message()).isEqualTo(AssistantTurn.text("done"));
            assertThat(answer.usage().input()).isEqualTo(10);
        });
        assertThat(events.get(1).time()).contains(Instant.parse("2026-12-01T10:00:05Z"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_torn_last_line_is_dropped_with_a_warning_naming_file_and_line() throws IOException {
        Path file = log(START + "\n" + ANSWER.substring(0, 50));

        assertThat(reader.read(file)).hasSize(1);
        assertThat(warnings).singleElement().asString().contains(file + ":2:").contains("torn");
    }

    @Test
    void a_bad_line_that_was_terminated_is_an_error_even_when_last() throws IOException {
        Path file = log(START + "\n" + ANSWER.substring(0, 50) + "\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("not valid JSON");
    }

    @Test
    void a_bad_line_before_the_last_is_an_error() throws IOException {
        Path file = log(ANSWER.substring(0, 50) + "\n" + START);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class).hasMessageContaining(file + ":1:");
    }

    @Test
    void invalid_utf8_names_file_line_and_byte_offset() throws IOException {
        byte[] good = (START + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"type\":\"warning\",\"message\":\"ab".getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(good, good.length + bad.length + 3);
        System.arraycopy(bad, 0, content, good.length, bad.length);
        content[good.length + bad.length] = (byte) 0xC3; // a lead byte followed by no continuation
        content[good.length + bad.length + 1] = '"';
        content[good.length + bad.length + 2] = '}';
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, content);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("not UTF-8")
                .hasMessageContaining("byte offset " + (good.length + bad.length));
    }

    @Test
    void events_of_unknown_types_are_skipped() throws IOException {
        assertThat(reader.read(log("{\"type\":\"from_the_future\",\"x\":1}\n" + ANSWER + "\n"))).hasSize(1);
    }

    @Test
    void every_event_type_the_writer_knows_is_read_including_warnings() throws IOException {
        List<LoggedEvent> events = reader.read(log("{\"type\":\"warning\",\"message\":\"mcp server x did not start\"}\n"));

        assertThat(events).singleElement().extracting(LoggedEvent::event)
                .isEqualTo(new SessionEvent.Warned("mcp server x did not start"));
        assertThat(SessionEvent.TYPES).contains("session_start", "model_response", "tool_call", "tool_result", "warning", "stop");
    }

    @Test
    void a_line_without_a_type_names_the_field() throws IOException {
        Path file = log(START + "\n{\"turn\": 2}\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("\"type\"");
    }

    @Test
    void a_message_of_the_wrong_role_says_which_was_expected() throws IOException {
        Path file = log("{\"type\":\"model_response\",\"message\":{\"role\":\"user\",\"text\":\"hi\"}}\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class)
                .hasMessageContaining(file + ":1:").hasMessageContaining("\"message\"").hasMessageContaining("\"assistant\"");
    }

    @Test
    void a_model_response_without_its_message_is_an_error() throws IOException {
        Path file = log("{\"type\":\"model_response\",\"turn\":2}\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SessionLogException.class)
                .hasMessageContaining(file + ":1:").hasMessageContaining("message");
    }

    @Test
    void a_missing_file_and_a_directory_are_named() {
        assertThatThrownBy(() -> reader.read(dir.resolve("none.jsonl"))).isInstanceOf(SessionLogException.class)
                .hasMessageContaining("none.jsonl").hasMessageContaining("not found");
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(SessionLogException.class).hasMessageContaining(dir.toString());
    }

    @Test
    void what_the_writer_writes_reads_back_as_the_same_events() throws IOException {
        Path file = dir.resolve("written.jsonl");
        List<SessionEvent> written = List.of(new SessionEvent.Warned("w"),
                new SessionEvent.Stopped(3, StopReason.MAX_TURNS, "50 turns", Usage.ZERO, 0.5));
        try (SessionLog log = new SessionLog(file, Clock.systemUTC())) {
            written.forEach(log::on);
        }

        assertThat(reader.read(file)).extracting(LoggedEvent::event).containsExactlyElementsOf(written);
    }
}
