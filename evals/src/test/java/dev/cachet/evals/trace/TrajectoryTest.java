package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.providers.Usage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrajectoryTest {
    private static final Usage BILL = new Usage(100, 0, 0, 10, 0);

    @Test
    void calls_after_the_last_billed_one_go_with_the_side_calls_after_them() {
        Trajectory live = trajectory(true, true, false, false).withSideCalls(List.of(ping(1), ping(2), ping(3)));

        Trajectory billed = live.withoutUnbilledTail();

        assertThat(billed.turns()).hasSize(2).allSatisfy(turn -> assertThat(turn.usage()).isPresent());
        assertThat(billed.hasRecordedUsage()).isTrue();
        assertThat(billed.sideCalls()).extracting(SideCall::beforeTurn).containsExactly(1, 2);
    }

    @Test
    void a_trajectory_with_no_bill_one_billed_throughout_or_one_missing_a_bill_before_its_last_is_kept_whole() {
        for (Trajectory kept : List.of(trajectory(false, false), trajectory(true, true), trajectory(true, false, true),
                trajectory(true, false, true, false))) {
            assertThat(kept.withoutUnbilledTail()).isSameAs(kept);
        }
    }

    private static Trajectory trajectory(Boolean... billed) {
        return new Trajectory("t", "test", Optional.empty(), "", "task", List.of(), Arrays.stream(billed)
                .map(bill -> new TrajectoryTurn(List.of(), AssistantTurn.text("ok"), List.of(),
                        bill ? Optional.of(BILL) : Optional.empty(), Optional.empty(), false))
                .toList());
    }

    private static SideCall ping(int beforeTurn) {
        return new SideCall(SideCall.Kind.PING, beforeTurn, Optional.empty(), Optional.of(BILL));
    }
}
