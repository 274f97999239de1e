package dev.cachet.context.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Windows built one after another reuse the chains of the ones before; every hash must be as if built alone. */
class PrefixChainsTest {
    private final WindowFactory factory = new WindowFactory(TokenCounter.o200k());
    private final Prefixes prefixes = new Prefixes();
    private final List<ToolSpec> tools = List.of(
            new ToolSpec("grep", "search", JsonNodeFactory.instance.objectNode()),
            new ToolSpec("read_file", "read", JsonNodeFactory.instance.objectNode()));

    @Test
    void windows_that_grow_shrink_fork_and_alternate_hash_as_if_each_were_built_alone() {
        Random random = new Random(19);
        List<Message> history = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            history.add(new ToolResult("c" + i, "grep", "output " + i, false));
        }
        SystemText system = new SystemText("You are a coding agent.");
        for (int window = 0; window < 300; window++) {
            List<Message> shown = new ArrayList<>(history.subList(0, random.nextInt(history.size() + 1)));
            if (!shown.isEmpty() && random.nextBoolean()) {
                // A fork: one message swapped for another, as masking does, or for an equal one in a new instance.
                int at = random.nextInt(shown.size());
                shown.set(at, random.nextBoolean() ? new UserText("masked " + at) : copy(shown.get(at)));
            }
            WindowBuilder builder = factory.builder().tools(random.nextInt(4) == 0 ? List.of() : tools)
                    .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint();
            int marks = 1;
            for (int from = 0; from < shown.size(); ) {
                int to = Math.min(shown.size(), from + 1 + random.nextInt(20));
                builder.segment(SegmentKind.HISTORY, shown.subList(from, to));
                if (marks < Window.MAX_BREAKPOINTS && random.nextInt(3) == 0) {
                    builder.breakpoint();
                    marks++;
                }
                from = to;
            }
            Window built = builder.build();

            List<Message> messages = built.messages();
            assertThat(built.prefixHash()).as("window %d", window).isEqualTo(prefixes.hash(built.tools(), messages));
            for (Breakpoint breakpoint : built.breakpoints()) {
                assertThat(breakpoint.prefixHash()).as("window %d at %d", window, breakpoint.messages())
                        .isEqualTo(prefixes.hash(built.tools(), messages.subList(0, breakpoint.messages())));
            }
        }
    }

    private static Message copy(Message message) {
        ToolResult result = (ToolResult) message;
        return new ToolResult(result.callId(), result.toolName(), result.content(), result.error());
    }
}
