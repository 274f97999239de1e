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
                new ToolResult("c1", "read_file", "boom", true));
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
}
