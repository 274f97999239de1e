package dev.cachet.context.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolCallTest {
    @Test
    void parses_arguments_that_are_a_json_object() {
        JsonNode args = new ToolCall("c1", "read_file", "{\"path\":\"a.txt\",\"start_line\":3}").parsedArguments();
        assertThat(args.isObject()).isTrue();
        assertThat(args.get("path").asText()).isEqualTo("a.txt");
        assertThat(args.get("start_line").asInt()).isEqualTo(3);
    }

    @Test
    void keeps_the_raw_arguments_as_the_model_wrote_them() {
        String raw = "{ \"path\" :\"a.txt\" }";
        assertThat(new ToolCall("c1", "read_file", raw).arguments()).isEqualTo(raw);
    }

    @Test
    void null_arguments_mean_an_empty_object() {
        ToolCall call = new ToolCall("c1", "list_files", null);
        assertThat(call.arguments()).isEqualTo("{}");
        assertThat(call.parsedArguments().isObject()).isTrue();
        assertThat(call.parsedArguments().isEmpty()).isTrue();
    }

    @Test
    void string_values_are_every_string_at_any_depth_in_order() {
        ToolCall edit = new ToolCall("c1", "edit", "{\"path\":\"a.py\",\"n\":3,\"edits\":[{\"old\":\"x\",\"new\":\"y\"}]}");

        assertThat(edit.stringValues()).containsExactly("a.py", "x", "y");
        assertThat(new ToolCall("c2", "edit", "not json").stringValues()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"path\": ", "not json", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}", ""})
    void arguments_that_do_not_parse_are_a_missing_node(String raw) {
        JsonNode args = new ToolCall("c1", "read_file", raw).parsedArguments();
        assertThat(args.isMissingNode()).isTrue();
    }

    @Test
    void parsing_never_throws_and_gives_a_node_for_any_json_value() {
        assertThat(new ToolCall("c", "t", "[1,2]").parsedArguments().isArray()).isTrue();
        assertThat(new ToolCall("c", "t", "\"text\"").parsedArguments().isTextual()).isTrue();
        assertThat(new ToolCall("c", "t", "null").parsedArguments().isNull()).isTrue();
    }

    @Test
    void a_text_argument_is_found_by_name() {
        ToolCall call = new ToolCall("c1", "run_command", "{\"command\":\"sh check.sh\",\"timeout\":5}");
        assertThat(call.textArgument("command")).contains("sh check.sh");
    }

    @Test
    void a_text_argument_that_is_missing_or_not_a_string_is_empty() {
        ToolCall call = new ToolCall("c1", "run_command", "{\"timeout\":5,\"flag\":true,\"nested\":{\"command\":\"x\"},\"nil\":null}");
        assertThat(call.textArgument("command")).isEmpty();
        assertThat(call.textArgument("timeout")).isEmpty();
        assertThat(call.textArgument("flag")).isEmpty();
        assertThat(call.textArgument("nested")).isEmpty();
        assertThat(call.textArgument("nil")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"path\": ", "[\"path\"]", "\"path\"", "null", "", "42"})
    void a_text_argument_of_arguments_that_are_not_a_json_object_is_empty(String raw) {
        assertThat(new ToolCall("c1", "read_file", raw).textArgument("path")).isEmpty();
    }

    @Test
    void an_empty_string_argument_is_still_a_string() {
        assertThat(new ToolCall("c1", "write_file", "{\"content\":\"\"}").textArgument("content")).contains("");
    }

    @Test
    void id_and_name_are_required() {
        assertThatThrownBy(() -> new ToolCall(null, "t", "{}")).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new ToolCall("c", null, "{}")).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
