package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
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
        PricedModel model = new PricedModel(ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(),
                ModelSpec.FIVE_MINUTES), PriceTable.bundled().price("claude-sonnet-4-6").orElseThrow(),
                counter -> HOUR_WRITTEN);
        CallClock clock = new CallClock(new SwitchingCache(new CallModels(List.of(model, model)), TokenCounter.o200k()),
                new ReplayTiming(Map.of(), 3));
        clock.next(turnAt(START));
        clock.next(turnAt(START.plus(Duration.ofMinutes(10))));

        assertThat(clock.pings()).containsExactly(START.plusSeconds(270), START.plusSeconds(540));
        assertThat(clock.cold()).as("an hour's entry outlives the pause").isFalse();
    }

    /** A model as a log names it, with its provider's cache. */
    private static PricedModel logged(String name) {
        Providers providers = new Providers(PriceTable.bundled());
        PricedModel fallback = providers.priced(ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(),
                ModelSpec.FIVE_MINUTES));
        return providers.recorded(name, ModelSpec.FIVE_MINUTES, fallback);
    }

    private static TrajectoryTurn turnAt(Instant at) {
        return new TrajectoryTurn(List.of(), AssistantTurn.text("ok"), List.of(), Optional.empty(), Optional.of(at),
                false);
    }

    @Test
    void a_run_that_switches_models_pings_and_expires_by_the_cache_of_its_last_calls_model() {
        // gpt-5-mini keeps prefixes in memory for 5 minutes, gpt-5.5 up to a day.
        PricedModel gpt55 = logged("gpt-5.5");
        SwitchingCache cache = new SwitchingCache(new CallModels(List.of(logged("gpt-5-mini"), gpt55, gpt55)),
                TokenCounter.o200k());
        CallClock clock = new CallClock(cache, new ReplayTiming(Map.of(), 3));
        clock.next(turnAt(START));
        clock.next(turnAt(START.plus(Duration.ofMinutes(10))));
        assertThat(clock.pings()).as("every 4.5 minutes of gpt-5-mini's 5").hasSize(2);

        cache.use(1);
        clock.next(turnAt(START.plus(Duration.ofMinutes(20))));
        assertThat(clock.pings()).as("gpt-5.5's day outlasts the pause: no ping is due").isEmpty();
        clock.expire();
        assertThat(clock.idle()).isEqualTo(Duration.ofHours(24).plusSeconds(1));
    }

    @Test
    void each_call_is_idle_since_its_own_models_last_call_and_cold_by_that_models_lifetime() {
        PricedModel mini = logged("gpt-5-mini");
        PricedModel gpt55 = logged("gpt-5.5");
        SwitchingCache cache = new SwitchingCache(new CallModels(List.of(mini, gpt55, mini, gpt55)),
                TokenCounter.o200k());
        CallClock clock = new CallClock(cache, ReplayTiming.RECORDED);

        clock.next(turnAt(START));
        clock.next(turnAt(START.plus(Duration.ofMinutes(9))));
        assertThat(clock.cold()).as("gpt-5.5's first call finds its cache empty, not expired").isFalse();
        assertThat(clock.idle()).isZero();
        clock.next(turnAt(START.plus(Duration.ofMinutes(10))));
        assertThat(clock.idle()).as("since gpt-5-mini's own last call").isEqualTo(Duration.ofMinutes(10));
        assertThat(clock.cold()).as("past gpt-5-mini's 5 minutes").isTrue();
        clock.next(turnAt(START.plus(Duration.ofMinutes(30))));
        assertThat(clock.idle()).isEqualTo(Duration.ofMinutes(21));
        assertThat(clock.cold()).as("within gpt-5.5's day").isFalse();
    }
}
