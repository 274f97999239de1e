package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.providers.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A recorded call's bill as a row counts it, which may take the side calls before it without the call, or not. */
class ReplayTurnTest {
    private static final Usage USAGE = new Usage(100, 0, 1_000, 10, 0);
    private static final CallCache.SideCost PING = new CallCache.SideCost(0, true, 0.005, 0.005);
    private static final CallCache.SideCost SUMMARY = new CallCache.SideCost(1, false, 0.015, 0.01);
    // The call's own 0.01 (0.008 input), after a ping and a summary.
    private static final ReplayTurn CALL = new ReplayTurn(3, 1_100, USAGE, 0.03, 0.023, 2, 2, 1, 0.001,
            CallCache.recorded(true, Optional.empty(), List.of(PING, SUMMARY)));

    @Test
    void a_call_counted_with_all_its_side_calls_is_as_recorded() {
        assertThat(CALL.cache().pings()).isOne();
        assertThat(CALL.cache().compacted()).isTrue();
        assertThat(CALL.billing(true, side -> true)).contains(CALL);
    }

    @Test
    void a_call_counted_without_its_side_calls_bills_its_own_cost() {
        ReplayTurn own = CALL.billing(true, side -> false).orElseThrow();

        assertThat(own.costUsd()).isCloseTo(0.01, within(1e-12));
        assertThat(own.inputCostUsd()).isCloseTo(0.008, within(1e-12));
        assertThat(own.usage()).isEqualTo(USAGE);
        assertThat(own.references()).isEqualTo(2);
        assertThat(own.cache().pings()).isZero();
        assertThat(own.cache().compacted()).isFalse();
        assertThat(own.cold()).isTrue();
    }

    @Test
    void side_calls_counted_without_their_call_bill_alone() {
        ReplayTurn summary = CALL.billing(false, side -> side == 1).orElseThrow();

        assertThat(summary.turn()).isEqualTo(3);
        assertThat(summary.costUsd()).isCloseTo(0.015, within(1e-12));
        assertThat(summary.inputCostUsd()).isCloseTo(0.01, within(1e-12));
        assertThat(summary.usage()).isEqualTo(Usage.ZERO);
        assertThat(summary.references()).isZero();
        assertThat(summary.cache().sideCalls()).containsExactly(SUMMARY);
        assertThat(summary.cache().compacted()).isTrue();
        assertThat(CALL.billing(false, side -> false)).isEmpty();
    }
}
