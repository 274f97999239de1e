package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainReadTest {
    /** It stopped with "cachet: com.fasterxml.jackson.core.JsonParseException: ...", naming no file. */
    @Test
    void goes_on_past_a_line_that_is_no_json_as_stats_and_replay_leave_it_out(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsonl"), "{\"a\":1}\n{\"b\":[1,2]}\n{}\n");
        Path bad = Files.write(dir.resolve("bad.jsonl"), ("{\"a\":1}\nnot json\n{\"b\":[1,2]}\n\u00ff\n{}\ntru")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(PlainRead.tokens(List.of(bad))).isEqualTo(PlainRead.tokens(List.of(good))).isEqualTo(4 + 7 + 2);
    }

    @Test
    void a_file_that_cannot_be_read_is_named(@TempDir Path dir) {
        Path missing = dir.resolve("gone.jsonl");

        assertThatThrownBy(() -> PlainRead.of(List.of(missing))).isInstanceOf(InputException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }
}
