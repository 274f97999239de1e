package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaterTextTest {
    @Test
    void reads_each_value_later_as_the_parser_reads_it_at_once() throws IOException {
        List<String> values = List.of("\"9f1c2a4e-0b7d-4c55-a3e1-2f6d8b9c0e17\"", "\"\"", "\"tab\\there \\\"quoted\\\"\"",
                "\"\\u00e9t\\u00e9\"", "\"été ✓\"", "null", "7", "true", "{\"a\":[1,\"x\"]}", "[\"a\"]");
        for (String value : values) {
            byte[] line = ("{\"before\":\"" + "x".repeat(40) + "\",\"v\" : \t" + value + " ,\"after\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            List<String> now = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            JsonLineFields.read(line, line.length, (name, p, t) -> now.add(JsonScalars.scalar(p, t)));
            JsonLineFields.read(line, line.length, (name, p, t) -> later.add(LaterText.at(p, t)));

            for (int i = 0; i < now.size(); i++) {
                String read = LaterText.read(line, later.get(i));
                assertThat(read).as(value).isEqualTo(now.get(i));
                // The sentinels are told apart by identity.
                assertThat(read == JsonScalars.NULL).as(value).isEqualTo(now.get(i) == JsonScalars.NULL);
                assertThat(read == JsonScalars.OTHER).as(value).isEqualTo(now.get(i) == JsonScalars.OTHER);
            }
        }
        assertThat(LaterText.read(new byte[0], LaterText.ABSENT)).isNull();
    }

    @Test
    void an_offset_that_is_no_string_is_refused_not_read_shifted() {
        byte[] line = "{\"v\":\"abc\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(LaterText.read(line, 5)).isEqualTo("abc");
        assertThatThrownBy(() -> LaterText.read(line, 6)).isInstanceOf(IllegalStateException.class);
    }
}
