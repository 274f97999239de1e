package dev.cachet.evals.stats.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.PriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    @Test
    void an_idle_time_reads_in_minutes_then_hours_then_days() {
        assertThat(StatusLine.minutes(Duration.ofMinutes(7))).isEqualTo("7 min");
        assertThat(StatusLine.minutes(Duration.ofMinutes(125))).isEqualTo("2h 05m");
        assertThat(StatusLine.minutes(Duration.ofHours(47).plusMinutes(59))).isEqualTo("47h 59m");
        assertThat(StatusLine.minutes(Duration.ofHours(7126))).isEqualTo("296 days");
    }

    @Test
    void token_counts_are_rounded_to_a_glance() {
        assertThat(StatusLine.tokens(999)).isEqualTo("999");
        assertThat(StatusLine.tokens(84_400)).isEqualTo("84K");
        assertThat(StatusLine.tokens(2_350_000)).isEqualTo("2.4M");
    }

    @Test
    void a_cold_cache_prices_its_rewrite_at_the_tier_of_the_prompt_it_writes_again() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        CallPricer pricer = new CallPricer(PriceTable.bundled()::price);
        Call longPrompt = new Call("s", "main", Optional.of("claude-sonnet-4-5"), Optional.of(at),
                Optional.of(new Usage(0, 10_000, 240_000, 100, 0)));
        Call shortPrompt = new Call("s", "main", Optional.of("claude-sonnet-4-5"), Optional.of(at),
                Optional.of(new Usage(0, 10_000, 90_000, 100, 0)));
        Instant later = at.plus(Duration.ofMinutes(10));

        // 250,000 tokens past Sonnet 4.5's 200K tier at its $7.50 write; 100,000 at the base $3.75.
        assertThat(StatusLine.cacheNote(longPrompt, List.of(longPrompt), later, pricer))
                .contains("cache cold for 10 min: next turn re-writes 250K tokens, ~$1.88");
        assertThat(StatusLine.cacheNote(shortPrompt, List.of(shortPrompt), later, pricer))
                .contains("cache cold for 10 min: next turn re-writes 100K tokens, ~$0.38");
    }

    @Test
    void a_burn_rate_over_calls_a_log_dates_a_billion_years_apart_is_shown_not_an_overflow() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Call now = new Call("s", "main", Optional.of("claude-sonnet-4-5"), Optional.of(at),
                Optional.of(new Usage(1_000, 0, 0, 100, 0)));
        Call far = new Call("s", "main", Optional.of("claude-sonnet-4-5"), Optional.of(Instant.MAX),
                Optional.of(new Usage(1_000, 0, 0, 100, 0)));
        StatusInput input = new StatusInput(Optional.empty(), Optional.of("claude-sonnet-4-5"), Optional.empty(),
                Optional.of(3.0), Optional.empty());

        assertThat(StatusLine.render(input, List.of(now, far), Instant.MAX, new CallPricer(PriceTable.bundled()::price)))
                .contains("$0.00/h");
    }
}
