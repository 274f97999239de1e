package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String[] PIECES = {"a", "word ", "Zeta", "\"", "\\", "/", "\n", "\r\n", "\t", "\u0000",
        "\u001F", "é", "日本", "😀", "→", " ", "{\"k\": [1]}", "\\n", "\u2028"};

    @Test
    void sizes_and_counts_a_string_wherever_the_line_holds_it_as_the_parser_reads_it() throws IOException {
        Random random = new Random(19);
        for (int i = 0; i < 2_000; i++) {
            String text = text(random);
            String value = Json.mapper().writeValueAsString(text);
            String line = switch (i % 3) {
                case 0 -> "{\"content\":" + value + "}";
                case 1 -> "{ \"type\" : \"tool_result\" ,\n \"content\" :\t" + value + " , \"is_error\": false}";
                default -> "{\"a\":[{\"b\":null},\"x\"],\"message\":{\"content\":" + value + "}}";
            };
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

            JsonString found = find(bytes);

            assertThat(found.utf8BytesAtMost()).as(value)
                    .isGreaterThanOrEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
            assertThat(found.tokens(COUNTER)).as(value).isEqualTo(COUNTER.count(text));
        }
    }

    @Test
    void escapes_of_characters_beyond_ascii_bound_their_utf8_from_above() throws IOException {
        for (String value : List.of("\"\\u00e9\\u65e5\"", "\"\\ud83d\\ude00 ok\"", "\"\\ud800\"", "\"\\/\\b\\f\"")) {
            byte[] bytes = ("{\"content\":" + value + "}").getBytes(StandardCharsets.UTF_8);
            String text = Json.mapper().readValue(value, String.class);

            JsonString found = find(bytes);

            assertThat(found.utf8BytesAtMost()).as(value).isGreaterThanOrEqualTo(new ResultText.Decoded(text)
                    .utf8BytesAtMost());
            assertThat(found.tokens(COUNTER)).as(value).isEqualTo(COUNTER.count(text));
        }
    }

    @Test
    void a_kept_string_outlives_the_line_buffer_it_was_read_from() throws IOException {
        byte[] bytes = "{\"content\":\"a tool result that stays\"}".getBytes(StandardCharsets.UTF_8);
        JsonString found = find(bytes);

        ResultText kept = found.kept();
        Arrays.fill(bytes, (byte) 'x');

        assertThat(kept.utf8BytesAtMost()).isEqualTo("a tool result that stays".length());
        assertThat(kept.tokens(COUNTER)).isEqualTo(COUNTER.count("a tool result that stays"));
    }

    @Test
    void a_tool_result_sure_to_be_counted_is_decoded_at_once_and_counts_and_sizes_as_its_string() throws IOException {
        Random random = new Random(31);
        for (int i = 0; i < 200; i++) {
            StringBuilder big = new StringBuilder();
            while (big.length() < 9_000 + i * 20) {
                big.append(text(random));
            }
            String text = big.toString();
            String value = Json.mapper().writeValueAsString(text);
            byte[] line = ("{\"content\":" + value + ",\"after\":[\"x\"]}").getBytes(StandardCharsets.UTF_8);
            JsonString spelled = find(line);

            List<String> after = new ArrayList<>();
            ResultText result = null;
            try (JsonParser p = Json.mapper().getFactory().createParser(line)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_STRING && "content".equals(p.currentName())) {
                        result = JsonString.result(p, line);
                    } else if (t == JsonToken.VALUE_STRING) {
                        after.add(p.getText());
                    }
                }
            }

            assertThat(after).as("the line read on").containsExactly("x");
            assertThat(result.utf8BytesAtMost()).as(value).isEqualTo(spelled.utf8BytesAtMost());
            assertThat(result.tokens(COUNTER)).as(value).isEqualTo(COUNTER.count(text));
            assertThat(result.kept().tokens(COUNTER)).as(value).isEqualTo(COUNTER.count(text));
            assertThat(result instanceof JsonString).as("decoded at once: " + value.length())
                    .isEqualTo(!ResultSizes.countedAtOnce(spelled.utf8BytesAtMost()));
        }
    }

    /** The string of the line's field "content", read as the summary readers read it, the line parsed to its end. */
    private static JsonString find(byte[] line) throws IOException {
        List<JsonString> found = new ArrayList<>();
        try (JsonParser p = Json.mapper().getFactory().createParser(line)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING && "content".equals(p.currentName())) {
                    found.add(JsonString.at(p, line));
                }
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(30);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
