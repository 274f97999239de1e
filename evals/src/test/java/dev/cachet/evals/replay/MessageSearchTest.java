package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import org.junit.jupiter.api.Test;

class MessageSearchTest {
    private final MessageSearch search = new MessageSearch();

    @Test
    void finds_a_name_in_an_output_and_in_a_call_s_arguments() {
        ToolResult output = new ToolResult("c1", "grep", "src/app/models.py:42: class UserSchema", false);
        AssistantTurn action = AssistantTurn.calls("reading it", new ToolCall("c2", "read_file", "{\"path\":\"src/app/views.py\"}"));

        assertThat(search.contains(output, "src/app/models.py")).isTrue();
        assertThat(search.contains(action, "src/app/views.py")).isTrue();
        assertThat(search.contains(action, "reading")).isTrue();
    }

    @Test
    void a_name_the_message_lacks_is_not_found_however_often_it_is_asked() {
        ToolResult output = new ToolResult("c1", "grep", "src/app/models.py:42: class UserSchema", false);

        for (int asked = 0; asked < 3; asked++) {
            assertThat(search.contains(output, "src/app/views.py")).isFalse();
            assertThat(search.contains(output, "UserSchema")).isTrue();
        }
    }

    @Test
    void messages_are_searched_each_in_its_own_text() {
        ToolResult first = new ToolResult("c1", "grep", "UserSchema", false);
        ToolResult other = new ToolResult("c1", "grep", "OrderSchema", false);

        assertThat(search.contains(first, "UserSchema")).isTrue();
        assertThat(search.contains(other, "UserSchema")).isFalse();
    }
}
