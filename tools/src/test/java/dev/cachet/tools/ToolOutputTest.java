package dev.cachet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import org.junit.jupiter.api.Test;

class ToolOutputTest {
    private final ToolCall call = new ToolCall("c1", "tool_search", "{\"query\":\"echo\"}");

    @Test
    void becomes_the_observation_of_its_call_with_its_error_and_schema_flags() {
        assertThat(ToolOutput.ok("fine").resultFor(call))
                .isEqualTo(new ToolResult("c1", "tool_search", "fine", false, false));
        assertThat(ToolOutput.error("boom").resultFor(call))
                .isEqualTo(new ToolResult("c1", "tool_search", "boom", true, false));
        assertThat(ToolOutput.schemas("## echo").resultFor(call))
                .isEqualTo(new ToolResult("c1", "tool_search", "## echo", false, true));
    }
}
