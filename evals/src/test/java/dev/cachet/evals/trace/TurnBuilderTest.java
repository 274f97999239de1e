package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnBuilderTest {
    private static final ToolCall LS = new ToolCall("c1", "bash", "{\"command\":\"ls\"}");
    private static final ToolCall READ = new ToolCall("c2", "read_file", "{\"path\":\"A.java\"}");

    private final TurnBuilder turns = new TurnBuilder();

    @Test
    void a_turn_takes_the_user_input_before_it_and_its_answer_in_parts() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        turns.user("fix it");
        turns.open(Optional.of(at)).text("Looking.").text("").call(LS).text("Then reading.").call(READ)
                .usage(new Usage(1, 0, 0, 1, 0)).usage(new Usage(1, 0, 0, 7, 0));

        TrajectoryTurn turn = turns.build().get(0);

        assertThat(turn.userMessages()).containsExactly(new UserText("fix it"));
        assertThat(turn.action()).isEqualTo(new AssistantTurn("Looking.\nThen reading.", List.of(LS, READ)));
        assertThat(turn.usage()).contains(new Usage(1, 0, 0, 7, 0));
        assertThat(turn.at()).contains(at);
    }

    @Test
    void results_join_the_turn_of_their_call_in_call_order_under_its_tool_name() {
        turns.open(Optional.empty()).call(LS).call(READ);
        turns.user("meanwhile");
        turns.open(Optional.empty()).text("Next.");
        turns.result("c2", "class A {}", false);
        turns.result("c1", "A.java", false);
        turns.result("c1", "(more output)", true);

        List<TrajectoryTurn> built = turns.build();

        assertThat(built.get(0).observations()).containsExactly(
                new ToolResult("c1", "bash", "A.java", false),
                new ToolResult("c1", "bash", "(more output)", true),
                new ToolResult("c2", "read_file", "class A {}", false));
        assertThat(built.get(1).observations()).isEmpty();
        assertThat(built.get(1).userMessages()).containsExactly(new UserText("meanwhile"));
    }

    @Test
    void a_result_for_no_call_and_input_after_the_last_call_are_in_no_turn() {
        turns.open(Optional.empty()).call(LS);
        turns.result("unknown", "stray", false);
        turns.user("never sent");

        List<TrajectoryTurn> built = turns.build();

        assertThat(built).hasSize(1);
        assertThat(built.get(0).observations()).isEmpty();
        assertThat(built.get(0).usage()).isEmpty();
    }
}
