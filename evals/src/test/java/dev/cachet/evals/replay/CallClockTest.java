package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallClockTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** A cache whose last request wrote for an hour, as auto does after pauses, though it may write for 5 minutes. */
    private static final CacheSimulator HOUR_WRITTEN = new CacheSimulator() {
        @Override
        public Usage next(Window window, long outputTokens, Instant at) {
            throw new AssertionError("the clock bills nothing");
        }

        @Override
        public Duration ttl() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration lifetime() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration shortestLifetime() {
            return Duration.ofMinutes(5);
        }
    };

    @Test
    void pings_keep_the_shortest_lifetime_warm_as_a_live_session_does_whatever_the_last_request_wrote() {
        CallClock clock = new CallClock(HOUR_WRITTEN, new ReplayTiming(Map.of(), 3));
        clock.next(turnAt(START));
        clock.next(turnAt(START.plus(Duration.ofMinutes(10))));

        assertThat(clock.pings()).containsExactly(START.plusSeconds(270), START.plusSeconds(540));
        assertThat(clock.cold()).as("an hour's entry outlives the pause").isFalse();
    }

    private static TrajectoryTurn turnAt(Instant at) {
        return new TrajectoryTurn(List.of(), AssistantTurn.text("ok"), List.of(), Optional.empty(), Optional.of(at),
                false);
    }
}
