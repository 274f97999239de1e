package dev.cachet.harness.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.harness.loop.ManualTime;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BurnTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);

    private final ManualTime time = new ManualTime(Instant.parse("2026-01-01T09:00:00Z"));
    private final Burn burn = new Burn(time);

    @Test
    void the_dollars_an_hour_count_the_keep_alive_pings_with_the_turns() {
        burn.on(answer(1, 0.04));
        burn.on(new SessionEvent.Pinged(1, 1, PING, 0.006));
        burn.on(new SessionEvent.Pinged(1, 2, PING, 0.006));
        burn.on(answer(2, 0.02));
        time.advance(Duration.ofMinutes(30));

        // $0.072 in half an hour, pings and all.
        assertThat(burn.dollarsPerHour()).hasValueSatisfying(rate -> assertThat(rate).isCloseTo(0.144, within(1e-12)));
    }

    @Test
    void a_ping_is_no_turn() {
        burn.on(answer(1, 0.04));
        burn.on(new SessionEvent.Pinged(1, 1, PING, 0.006));

        assertThat(burn.turns()).isOne();
        assertThat(burn.costPerTurn()).isEqualTo(0.04);
        assertThat(burn.last()).map(SessionEvent.ModelResponded::turn).contains(1);
    }

    private static SessionEvent.ModelResponded answer(int turn, double costUsd) {
        return new SessionEvent.ModelResponded(turn, AssistantTurn.text("ok"), CALL, costUsd, 800, FinishReason.END_TURN, 0);
    }
}
