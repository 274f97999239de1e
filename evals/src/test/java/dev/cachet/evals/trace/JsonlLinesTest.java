package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonlLinesTest {
    /** Longer than the reader's buffer, so a line end falls across two reads. */
    private static final String LONG = "x".repeat((1 << 16) - 1);

    @Test
    void splits_as_read_line_does_with_crlf_and_lf_anywhere_in_the_stream() throws IOException {
        for (String text : List.of("a\nb\n", "a\r\nb\r\n", "a\r\nb", "a\n\nb\r", LONG + "\r\nb\n", LONG + "\r\n",
                LONG + LONG + "\r", "\r\n\r\n", "")) {
            assertThat(lines(text)).as(text.length() > 20 ? text.substring(text.length() - 20) : text)
                    .isEqualTo(readLines(text));
        }
    }

    @Test
    void gives_up_a_carriage_return_anywhere_but_before_the_line_end() {
        for (String text : List.of("a\rb\n", "\r\r\n", LONG + "\rx\n", "a\r\rb", "a\nb\r\rc\n")) {
            assertThat(catchThrowable(() -> lines(text))).as(text.length() > 20 ? "long line" : text)
                    .isInstanceOf(Unsure.class);
        }
    }

    @Test
    void finds_every_line_end_and_every_stray_carriage_return_wherever_it_falls() throws IOException {
        Random random = new Random(29);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = "abcdefg\r\n".charAt(random.nextInt(9));
            }
            String text = new String(chars);
            boolean stray = text.matches("(?s).*\r[^\n].*");

            if (stray) {
                assertThat(catchThrowable(() -> lines(text))).as(text).isInstanceOf(Unsure.class);
            } else {
                assertThat(lines(text)).as(text).isEqualTo(readLines(text));
            }
        }
    }

    private static List<String> lines(String text) throws IOException {
        JsonlLines lines = new JsonlLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> read = new ArrayList<>();
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            read.add(new String(line, 0, lines.length(), StandardCharsets.UTF_8));
        }
        return read;
    }

    private static List<String> readLines(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }
}
