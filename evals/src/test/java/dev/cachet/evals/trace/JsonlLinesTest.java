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
    void a_line_buffer_past_a_gibibyte_still_doubles_up_to_the_largest_array_and_no_further() {
        int gib = 1 << 30;
        assertThat(JsonlLines.grownLength(1 << 16, 70_000)).isEqualTo(1 << 17);
        assertThat(JsonlLines.grownLength(gib, gib + 1L)).isEqualTo(Integer.MAX_VALUE - 8);
        assertThat(JsonlLines.grownLength(gib / 2 + 1, gib + 3L)).isEqualTo(gib + 3);
        assertThat(catchThrowable(() -> JsonlLines.grownLength(Integer.MAX_VALUE - 8, Integer.MAX_VALUE)))
                .isInstanceOf(Unsure.class);
    }

    @Test
    void keeps_a_carriage_return_anywhere_but_before_the_line_end_in_its_line_for_the_parser_to_find() throws IOException {
        assertThat(lines("a\rb\n")).containsExactly("a\rb");
        assertThat(lines(LONG + "\rx\n")).containsExactly(LONG + "\rx");
        assertThat(lines("a\nb\r\rc\n")).containsExactly("a", "b\r\rc");
    }

    @Test
    void gives_up_a_blank_line_with_a_carriage_return_that_read_line_would_count_as_more_lines() {
        for (String text : List.of("\r\r\n", " \r \n", "{}\n\t\r\t")) {
            assertThat(catchThrowable(() -> nonBlank(text))).as(text).isInstanceOf(Unsure.class);
        }
    }

    @Test
    void finds_every_line_end_and_keeps_every_stray_carriage_return_wherever_it_falls() throws IOException {
        Random random = new Random(29);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = "abcdefg\r\n".charAt(random.nextInt(9));
            }
            String text = new String(chars);
            boolean stray = text.matches("(?s).*\r[^\n].*");

            if (stray) {
                assertThat(lines(text)).as(text).anyMatch(line -> line.contains("\r"));
            } else {
                assertThat(lines(text)).as(text).isEqualTo(readLines(text));
            }
        }
    }

    @Test
    void a_stream_read_to_its_end_leaves_its_buffers_to_the_next_and_one_still_read_keeps_its_own() throws IOException {
        JsonlLines first = stream(LONG + LONG + "\nend\n");
        byte[] grown = first.next();
        assertThat(text(first, grown)).isEqualTo(LONG + LONG);
        assertThat(text(first, first.next())).isEqualTo("end");
        assertThat(first.next()).isNull();

        JsonlLines second = stream("a\nb\n");
        JsonlLines third = stream("c\nd\n");
        byte[] a = second.next();

        assertThat(a).isSameAs(grown);
        assertThat(text(second, a)).isEqualTo("a");
        assertThat(text(third, third.next())).isEqualTo("c");
        assertThat(text(second, second.next())).isEqualTo("b");
        assertThat(text(third, third.next())).isEqualTo("d");
    }

    @Test
    void a_line_buffer_grown_past_a_megabyte_is_not_kept_for_the_next_stream() throws IOException {
        JsonlLines huge = stream("x".repeat((1 << 20) + 1) + "\n");
        byte[] grown = huge.next();
        assertThat(huge.next()).isNull();

        JsonlLines next = stream("a\n");

        assertThat(next.next()).isNotSameAs(grown).hasSizeLessThanOrEqualTo(1 << 20);
    }

    private static JsonlLines stream(String text) {
        return new JsonlLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(JsonlLines lines, byte[] line) {
        return new String(line, 0, lines.length(), StandardCharsets.UTF_8);
    }

    /** The lines that are not blank. */
    private static List<String> nonBlank(String text) throws IOException {
        JsonlLines lines = new JsonlLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> read = new ArrayList<>();
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            if (!lines.blank()) {
                read.add(new String(line, 0, lines.length(), StandardCharsets.UTF_8));
            }
        }
        return read;
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
