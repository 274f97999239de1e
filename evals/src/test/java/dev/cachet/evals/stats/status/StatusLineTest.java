package dev.cachet.evals.stats.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
