package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cachet.context.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DuplicateFieldsTest {
    private static String object(int names, String last) {
        return IntStream.range(0, names).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(Collectors.joining(",", "{", last.isEmpty() ? "}" : "," + last + "}"));
    }

    @Test
    void a_name_repeated_in_one_object_fails_where_the_strict_mapper_fails_and_nowhere_else() {
        List<String> lines = List.of(
                "{\"a\":1,\"b\":2,\"a\":3}",
                "{\"a\":{\"x\":1,\"y\":{\"z\":1,\"z\":2}}}",
                "{\"a\":[{\"x\":1},{\"x\":1,\"x\":2}]}",
                "{\"a\":{\"x\":1},\"b\":{\"x\":1},\"x\":{\"x\":{\"x\":1}}}",
                "{\"a\":[[{\"a\":1}],{\"a\":2}],\"b\":1}",
                "{\"a\":{\"b\":1},\"b\":2}",
                object(16, ""),
                object(17, "\"k3\":0"),
                object(16, "\"k15\":0"),
                object(17, "\"k16\":1"),
                "{\"a\":" + object(20, "") + ",\"b\":" + object(20, "") + ",\"c\":[" + object(18, "") + ","
                        + object(18, "") + "]}",
                object(40, "\"deep\":" + object(30, "\"k29\":1")),
                object(40, "\"deep\":" + object(30, "")).replace("\"k39\":39", "\"k39\":39,\"k0\":1"),
                "{\"outer\":" + object(20, "") + ",\"k0\":1,\"k1\":2}");
        for (String line : lines) {
            Throwable strict = catchThrowable(() -> Json.mapper().readTree(line));
            Throwable ours = catchThrowable(() -> walk(line));

            assertThat(ours == null).as(line).isEqualTo(strict == null);
            if (strict != null) {
                assertThat(ours).as(line).isInstanceOf(JsonParseException.class)
                        .hasMessageStartingWith(strict.getMessage().substring(0, strict.getMessage().indexOf('\n')));
            }
        }
    }

    @Test
    void a_skipped_value_is_checked_as_one_read_token_by_token() {
        String line = "{\"skip\":{\"x\":[1,{\"y\":1,\"y\":2}]},\"after\":1}";

        assertThat(catchThrowable(() -> JsonLineFields.read(bytes(line), bytes(line).length, (name, p, t) ->
                p.skipChildren()))).isInstanceOf(JsonParseException.class).hasMessageContaining("'y'");
    }

    @Test
    void values_read_past_their_names_are_checked_too() throws IOException {
        byte[] line = bytes("{\"a\":{\"x\":1,\"y\":2,\"x\":3}}");

        try (JsonParser p = new DuplicateFields(new JsonFactory().createParser(line))) {
            assertThat(catchThrowable(() -> {
                while (p.nextValue() != null) {
                    continue;
                }
            })).isInstanceOf(JsonParseException.class).hasMessageContaining("'x'");
        }
    }

    @Test
    void names_are_compared_by_value_where_the_parser_gives_each_its_own_instance() throws IOException {
        JsonFactory uncanonical = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
        byte[] line = bytes("{\"a\":{\"name\":1,\"other\":2,\"name\":3}}");

        try (JsonParser p = new DuplicateFields(uncanonical.createParser(line))) {
            assertThat(catchThrowable(() -> drain(p))).isInstanceOf(JsonParseException.class)
                    .hasMessageContaining("'name'");
        }
    }

    /** Every token of the line, through the check. */
    private static void walk(String line) throws Exception {
        byte[] bytes = bytes(line);
        JsonLineFields.read(bytes, bytes.length, (name, p, t) -> {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                drain(p);
            }
        });
    }

    /** Reads to the end of the value the parser is in (or, before its first token, of the whole input). */
    private static void drain(JsonParser p) throws IOException {
        int open = p.currentToken() == null ? 0 : 1;
        if (open == 0) {
            p.nextToken();
            open = 1;
        }
        while (open > 0) {
            JsonToken t = p.nextToken();
            open += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        }
    }

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
