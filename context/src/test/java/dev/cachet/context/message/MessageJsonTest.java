package dev.cachet.context.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
    @Test
    void every_message_kind_round_trips_through_json_with_its_role() throws Exception {
        List<Message> messages = List.of(
                new SystemText("be brief"),
                new UserText("fix it"),
                AssistantTurn.calls("reading", new ToolCall("c1", "read_file", "{not json")),
                new ToolResult("c1", "read_file", "boom", true),
                new ToolResult("c2", "tool_search", "## create_issue", false, true));
        for (Message message : messages) {
            String json = Json.mapper().writeValueAsString(message);
            assertThat(Json.mapper().readValue(json, Message.class)).isEqualTo(message);
        }
    }

    @Test
    void uses_snake_case_field_names() throws Exception {
        JsonNode node = Json.mapper().valueToTree(new ToolResult("c1", "grep", "x", false));
        assertThat(node.get("role").asText()).isEqualTo("tool");
        assertThat(node.has("call_id")).isTrue();
        assertThat(node.has("tool_name")).isTrue();
    }

    @Test
    void a_tool_result_without_a_schema_is_written_as_before_the_flag_existed() throws Exception {
        assertThat(Json.mapper().writeValueAsString(new ToolResult("c1", "grep", "x", false)))
                .isEqualTo("{\"role\":\"tool\",\"call_id\":\"c1\",\"tool_name\":\"grep\",\"content\":\"x\",\"error\":false}");
    }

    @Test
    void a_tool_result_with_a_schema_says_so_in_carries_schema() {
        JsonNode node = Json.mapper().valueToTree(new ToolResult("c1", "tool_search", "## echo", false, true));
        assertThat(node.get("carries_schema").asBoolean()).isTrue();
    }

    @Test
    void a_tool_result_logged_before_the_flag_existed_reads_as_carrying_no_schema() throws Exception {
        Message read = Json.mapper().readValue(
                "{\"role\":\"tool\",\"call_id\":\"c1\",\"tool_name\":\"tool_search\",\"content\":\"## echo\",\"error\":false}",
                Message.class);
        assertThat(read).isEqualTo(new ToolResult("c1", "tool_search", "## echo", false, false));
    }
}
