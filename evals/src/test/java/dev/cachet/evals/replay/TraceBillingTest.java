package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A log that shows its cache lifetime (Claude Code's hour-long writes) is billed at it, unless the user names
 * another: then the strategies are billed at that one, a what-if, and the recorded bill stays what was paid.
 */
class TraceBillingTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String MODEL = "claude-sonnet-4-6";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Providers PROVIDERS = new Providers(PriceTable.bundled());
    private static final PricedModel CHOSEN = PROVIDERS.priced(
            ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.FIVE_MINUTES));

    /** Three reads at minutes 0, 1 and 11, each billed as written to the hour cache and read back after. */
    private static Trajectory hourLongSession() {
        return session(true);
    }

    /** The same reads at minutes 0, 1 and 11, written to the hour cache or, as a log that shows no lifetime, to 5 minutes'. */
    private static Trajectory session(boolean hourLong) {
        List<TrajectoryTurn> turns = new ArrayList<>();
        long[] minutes = {0, 1, 11};
        for (int i = 0; i < 3; i++) {
            ToolCall call = new ToolCall("c" + i, "read_file", "{\"path\":\"part" + i + ".txt\"}");
            long written = 2_000;
            long read = 2_000L * i;
            turns.add(new TrajectoryTurn(List.of(), AssistantTurn.calls("", call),
                    List.of(new ToolResult(call.id(), call.name(), "part " + i + "\n" + "word ".repeat(1_600), false)),
                    Optional.of(new Usage(0, written, read, 30, 0, hourLong ? written : 0)),
                    Optional.of(START.plusSeconds(60 * minutes[i])), false));
        }
        return new Trajectory("hour", "test", Optional.of(MODEL), "", "Read the parts.", List.of(), turns,
                hourLong ? Optional.of(Duration.ofHours(1)) : Optional.empty());
    }

    private static List<ReplayRun> replay(TraceBilling billing) {
        return replay(billing, hourLongSession());
    }

    private static List<ReplayRun> replay(TraceBilling billing, Trajectory trajectory) {
        return new CounterfactualReplay(COUNTER, billing).replay(trajectory, AtDefaults.strategies("transcript"));
    }

    @Test
    void a_log_is_billed_at_the_cache_lifetime_it_shows_when_none_is_named() {
        PricedModel billed = new TraceBilling(PROVIDERS, CHOSEN).apply(hourLongSession());

        assertThat(billed.spec().cacheTtl()).isEqualTo(ModelSpec.ONE_HOUR);
        assertThat(replay(new TraceBilling(PROVIDERS, CHOSEN)).get(0).turns()).extracting(ReplayTurn::cold)
                .containsOnly(false);
    }

    @Test
    void a_named_lifetime_bills_the_strategies_at_it_and_leaves_the_recorded_bill_as_paid() {
        TraceBilling asLogged = new TraceBilling(PROVIDERS, CHOSEN);
        TraceBilling fiveMinutes = new TraceBilling(PROVIDERS, CHOSEN, Optional.of(ModelSpec.FIVE_MINUTES));

        assertThat(fiveMinutes.apply(hourLongSession()).spec().cacheTtl()).isEqualTo(ModelSpec.FIVE_MINUTES);
        List<ReplayRun> hour = replay(asLogged);
        List<ReplayRun> whatIf = replay(fiveMinutes);
        // The ten minutes before the third call outlive a five-minute cache, not the hour's.
        assertThat(whatIf.get(0).turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
        // Until then each write costs 1.25x input instead of 2x.
        assertThat(whatIf.get(0).turns().get(1).costUsd()).isLessThan(hour.get(0).turns().get(1).costUsd());
        ReplayRun recorded = whatIf.get(1);
        assertThat(recorded.strategy()).isEqualTo(CounterfactualReplay.RECORDED);
        assertThat(recorded.costUsd()).isCloseTo(hour.get(1).costUsd(), within(1e-12));
        assertThat(recorded.turns()).extracting(ReplayTurn::cold).containsOnly(false);
    }

    @Test
    void a_named_hour_leaves_the_bill_of_a_log_that_wrote_for_five_minutes_as_paid() {
        Trajectory fiveMinuteLog = session(false);
        List<ReplayRun> asLogged = replay(new TraceBilling(PROVIDERS, CHOSEN), fiveMinuteLog);
        List<ReplayRun> hour = replay(new TraceBilling(PROVIDERS, PROVIDERS.priced(
                ModelSpec.parse("anthropic:" + MODEL, Optional.empty(), ModelSpec.ONE_HOUR)), Optional.of(ModelSpec.ONE_HOUR)),
                fiveMinuteLog);

        // Its writes were 5-minute ones, billed at 1.25x input: 6,000 tokens at $3.75 per million.
        assertThat(asLogged.get(1).turns().stream().mapToDouble(turn -> turn.usage().cacheWrite()).sum()).isEqualTo(6_000);
        assertThat(hour.get(1).costUsd()).isCloseTo(asLogged.get(1).costUsd(), within(1e-12));
        // The strategies do replay at the hour: the ten minutes before the third call leave its cache warm.
        assertThat(hour.get(0).turns()).extracting(ReplayTurn::cold).containsOnly(false);
        assertThat(asLogged.get(0).turns()).extracting(ReplayTurn::cold).containsExactly(false, false, true);
    }
}
