package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHeadTest {
    @TempDir
    Path dir;

    @Test
    void is_the_first_characters_of_the_file_however_many_bytes_they_take() throws IOException {
        // Two- and three-byte characters throughout, so the characters end far past the first buffer of bytes.
        String text = "{\"type\":\"user\",\"text\":\"" + "é€a".repeat(10_000) + "\"}\n";
        Path file = Files.writeString(dir.resolve("wide.jsonl"), text);

        assertThat(FileHead.lent(file).text()).isEqualTo(text.substring(0, TraceFormats.HEAD_CHARS));
        assertThat(JsonFiles.head(file, 100)).isEqualTo(text.substring(0, 100));
    }

    @Test
    void replaces_bytes_that_are_not_utf8_and_ends_with_a_short_file() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xff);
        bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("broken.jsonl"), bytes.toByteArray());

        assertThat(FileHead.lent(file).text()).isEqualTo("{\"a\":\"\ufffd\"}");
        assertThat(FileHead.lent(file).json().text("a")).isEqualTo("\ufffd");
    }

    @Test
    void reads_the_fields_of_the_first_object_once_for_every_format_asked() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jsonl"), "{\"type\":\"user\",\"big\":{\"x\":[1,2]},\"n\":3}\n{}\n");
        FileHead head = FileHead.lent(file);

        assertThat(head.json()).isSameAs(head.json());
        assertThat(head.json().fields()).containsOnly(
                java.util.Map.entry("type", "user"), java.util.Map.entry("big", ""), java.util.Map.entry("n", "3"));
    }

    @Test
    void names_a_missing_file() {
        Path missing = dir.resolve("nope.jsonl");

        assertThatThrownBy(() -> FileHead.lent(missing)).hasMessage("trajectory not found: " + missing);
    }
}
