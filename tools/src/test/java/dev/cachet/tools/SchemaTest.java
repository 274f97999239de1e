package dev.cachet.tools;

import static org.assertj.core.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import org.junit.jupiter.api.Test;

class SchemaTest {
    @Test
    void builds_an_object_schema_with_typed_properties_and_required_names() throws Exception {
        ObjectNode schema = Schema.object()
                .string("path", "where", true)
                .integer("limit", "how many", false)
                .build();

        assertThat(schema).isEqualTo(Json.mapper().readTree("""
                {"type": "object",
                 "properties": {"path": {"type": "string", "description": "where"},
                                "limit": {"type": "integer", "description": "how many"}},
                 "required": ["path"]}"""));
    }

    @Test
    void an_empty_schema_is_still_an_object_with_no_properties_and_no_required_list() throws Exception {
        assertThat(Schema.object().build()).isEqualTo(Json.mapper().readTree("""
                {"type": "object", "properties": {}}"""));
    }

    @Test
    void optional_properties_whose_names_say_it_go_without_a_description() throws Exception {
        ObjectNode schema = Schema.object()
                .optionalString("glob")
                .optionalInteger("max_matches")
                .build();

        assertThat(schema).isEqualTo(Json.mapper().readTree("""
                {"type": "object",
                 "properties": {"glob": {"type": "string"}, "max_matches": {"type": "integer"}}}"""));
    }

    @Test
    void each_build_is_an_independent_copy() {
        Schema builder = Schema.object().string("a", "first", true);
        ObjectNode first = builder.build();
        ((ObjectNode) first.get("properties")).putObject("injected");

        assertThat(builder.build().path("properties").has("injected")).isFalse();
    }
}
