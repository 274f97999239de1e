package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    /** Pieces of lines: objects, values that are no object, broken and doubled JSON, blanks and every line end. */
    private static final List<String> PIECES = List.of("{\"a\":1}", "{\"b\":\"x\\ny\"}", "{\"c\":[1,{\"d\":null}]}",
            "{\"é\":\"ü€\uD83D\uDE00\"}", "[1]", "null", "7", "{\"a\":", "{} {}", "{\"a\":1,\"a\":2}", "x", " ", "\t",
            "\u2003", "\u00A0", "\n", "\r", "\r\n");

    @TempDir
    Path dir;

    @Test
    void reads_lines_and_fails_as_read_line_and_read_tree_do_on_each() throws IOException {
        Random random = new Random(19);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(8); piece > 0; piece--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            Path file = Files.writeString(dir.resolve("log.jsonl"), text);

            Object expected = outcome(() -> readLineByLine(file));
            assertThat(outcome(() -> JsonFiles.lines(file))).as(text.toString()).isEqualTo(expected);
        }
    }

    @Test
    void names_the_line_and_byte_where_a_log_stops_being_utf8() throws IOException {
        Path file = dir.resolve("log.jsonl");
        Files.write(file, new byte[] {'{', '}', '\n', '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});

        assertThat(catchThrowable(() -> JsonFiles.lines(file))).isInstanceOf(TraceFormatException.class)
                .hasMessage(file + ":2: not UTF-8 (byte offset 9)");
    }

    @Test
    void read_leaving_out_cut_lines_a_log_loses_only_them_and_says_which_first_and_how_many() throws IOException {
        Path file = Files.writeString(dir.resolve("log.jsonl"), "{\"a\":1}\n{\"b\":\n{\"c\":3}\n{\"d\n{\"e\":5}\n");

        assertThat(catchThrowable(() -> JsonFiles.lines(file))).as("read strictly")
                .hasMessageStartingWith(file + ":2: not valid JSON: ");
        JsonFiles.Read<List<JsonFiles.Line>> read = JsonFiles.leavingOutCutLines(() -> JsonFiles.lines(file));
        assertThat(read.value()).extracting(JsonFiles.Line::number).containsExactly(1, 3, 5);
        assertThat(read.leftOut()).hasValueSatisfying(why -> assertThat(why)
                .startsWith(file + ":2: not valid JSON: ").endsWith(", left out (2 lines left out in all); the rest is read"));
        Path whole = Files.writeString(dir.resolve("whole.jsonl"), "{\"a\":1}\n");
        assertThat(JsonFiles.leavingOutCutLines(() -> JsonFiles.lines(whole)).leftOut()).isEmpty();
        assertThat(catchThrowable(() -> JsonFiles.lines(file))).as("strict again after").isNotNull();
    }

    @Test
    void names_a_missing_file() {
        Path file = dir.resolve("gone.jsonl");

        assertThat(catchThrowable(() -> JsonFiles.lines(file))).hasMessage("trajectory not found: " + file);
    }

    /** The lines, or the error's message. */
    private static Object outcome(ThrowingSupplier<List<JsonFiles.Line>> read) throws IOException {
        try {
            return read.get();
        } catch (TraceFormatException e) {
            return e.getMessage();
        }
    }

    /**
     * What JSONL reading means: each line that is not blank, as {@link BufferedReader} splits them, parsed whole; a
     * last line with no line end after it that is no JSON is torn, and left out.
     */
    private static List<JsonFiles.Line> readLineByLine(Path file) throws IOException {
        List<JsonFiles.Line> lines = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        long count = new BufferedReader(new StringReader(text)).lines().count();
        boolean unended = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        BufferedReader reader = new BufferedReader(new StringReader(text));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                var json = Json.mapper().readTree(line);
                if (!json.isObject()) {
                    throw new TraceFormatException(file + ":" + number + ": expected a JSON object on each line");
                }
                lines.add(new JsonFiles.Line(number, json));
            } catch (JsonProcessingException e) {
                if (unended && number == count) {
                    continue;
                }
                throw new TraceFormatException(file + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (lines.isEmpty()) {
            throw new TraceFormatException(file + (text.isBlank() ? ": empty file"
                    : ": no complete line (its only line has no end: still being written?)"));
        }
        return lines;
    }

    private interface ThrowingSupplier<T> {
        T get() throws IOException;
    }
}
