package dev.cachet.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoLifetimeTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private static final ModelPrice SONNET = PriceTable.bundled().price("claude-sonnet-4-6").orElseThrow();

    private final AutoLifetime auto = new AutoLifetime(SONNET);
    private Instant at = START;

    /** The request after a gap, adding {@code added} tokens to {@code cached} already cached. */
    private Duration after(Duration gap, long cached, long added) {
        at = at.plus(gap);
        return auto.choose(cached, added, at);
    }

    private void gaps(int count, Duration gap) {
        for (int i = 0; i < count; i++) {
            after(gap, 50_000, 0);
        }
    }

    @Test
    void without_a_pause_seen_every_request_writes_for_five_minutes() {
        assertThat(auto.choose(0, 50_000, at)).isEqualTo(FIVE_MINUTES);
        gaps(30, Duration.ofSeconds(30));

        assertThat(after(Duration.ofSeconds(30), 50_000, 100)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void after_a_pause_a_small_addition_to_a_large_prefix_is_written_for_an_hour() {
        auto.choose(0, 50_000, at);
        // One pause in one gap: P = 1 / (1 + 1).
        assertThat(after(Duration.ofMinutes(10), 0, 50_000)).as("all of it new: an hour needs P > 0.75 / 1.15")
                .isEqualTo(FIVE_MINUTES);
        assertThat(after(Duration.ofSeconds(30), 50_000, 500)).isEqualTo(ONE_HOUR);
    }

    @Test
    void requests_at_one_instant_leave_no_gap_to_count() {
        auto.choose(0, 50_000, at);
        auto.choose(50_000, 0, at); // a replay's warm-up and its first call
        after(Duration.ofMinutes(10), 0, 50_000);

        // One pause in two gaps: P = 1 / 3, above 0.75 x 22,500 / 1.15 x 50,000 = 0.29; with the instant counted as a
        // gap it would be 1 / 4, below.
        assertThat(after(Duration.ofSeconds(30), 27_500, 22_500)).isEqualTo(ONE_HOUR);
    }

    @Test
    void the_rule_weighs_the_models_own_prices() {
        // A model whose hour-long writes cost what 5-minute ones do: after one pause, even a request that writes all
        // its prompt anew is written for an hour, as the hour costs nothing more. At Sonnet's prices it is not.
        AutoLifetime sameWritePrice = new AutoLifetime(new ModelPrice(3, 15, 3.75, 3.75, 0.3));
        sameWritePrice.choose(0, 50_000, at);
        auto.choose(0, 50_000, at);
        at = at.plus(Duration.ofMinutes(10));

        assertThat(sameWritePrice.choose(0, 50_000, at)).isEqualTo(ONE_HOUR);
        assertThat(auto.choose(0, 50_000, at)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void an_hour_listed_below_five_minutes_buys_no_hour_in_a_session_that_never_pauses() {
        // A price list's slip (LiteLLM lists some Claude 3 models' hour below their 5 minutes).
        AutoLifetime slipped = new AutoLifetime(new ModelPrice(15, 75, 18.75, 6, 1.5));
        slipped.choose(0, 50_000, at);

        for (int i = 0; i < 5; i++) {
            at = at.plus(Duration.ofSeconds(20));
            assertThat(slipped.choose(50_000L + i, 1, at)).isEqualTo(FIVE_MINUTES);
        }
    }

    @Test
    void a_pause_of_more_than_an_hour_is_no_pause_an_hour_would_bridge() {
        auto.choose(0, 50_000, at);
        after(Duration.ofMinutes(61), 0, 50_000);

        assertThat(after(Duration.ofSeconds(30), 50_000, 500)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void after_a_few_dozen_gaps_the_sessions_own_pauses_decide() {
        auto.choose(0, 50_000, at);
        after(Duration.ofMinutes(10), 0, 50_000);
        gaps(39, Duration.ofSeconds(30));

        // One pause in 40 gaps: P = 1 / 41 = 0.024. An hour pays where 0.75 A / 1.15 (C + A) is below it.
        assertThat(after(Duration.ofSeconds(30), 49_000, 1_000)).as("0.75 / 1.15 / 50 = 0.013").isEqualTo(ONE_HOUR);
        assertThat(after(Duration.ofSeconds(30), 48_000, 2_000)).as("0.75 / 1.15 / 25 = 0.026; P now 1 / 42")
                .isEqualTo(FIVE_MINUTES);
    }

    /** The request after a pause, 30 s later, adding 500 tokens to 50,000, its provider having served {@code share}. */
    private Duration afterAPauseServed(double share) {
        auto.choose(0, 50_000, at);
        after(Duration.ofMinutes(10), 0, 50_000);
        auto.served(50_000, share);
        return after(Duration.ofSeconds(30), 50_000, 500);
    }

    @Test
    void a_provider_that_misses_what_it_cached_rewrites_at_the_hours_price_so_the_hour_pays_less_often() {
        // Served nothing of a 50,000-token read, beside the promise of one served in full: half is served. One pause
        // in two gaps, P = 1/3, but a miss writes half the prefix again: 0.75 (500 + 25,000) is more than the pause
        // saves, 1/3 x 50,500 x (1.25 - 0.5 x 0.1 - 0.5 x 2); served in full, 1/3 x 50,500 x 1.15 is more than 0.75 x 500.
        assertThat(afterAPauseServed(0)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void a_provider_that_serves_all_it_cached_leaves_the_rule_as_it_was() {
        assertThat(afterAPauseServed(1)).isEqualTo(ONE_HOUR);
    }
}
