package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheRatesTest {
    @Test
    void rates_without_a_ttl_last_five_minutes_like_an_anthropic_breakpoint_without_one() {
        assertThat(new CacheRates(1.25, 0.1).ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(CacheRates.ANTHROPIC.ttl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void carries_a_given_ttl() {
        assertThat(new CacheRates(2.0, 0.1, Duration.ofHours(1)).ttl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejects_a_ttl_that_is_not_positive() {
        assertThatThrownBy(() -> new CacheRates(1.25, 0.1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cache TTL must be positive, got PT0S");
    }

    @Test
    void rejects_reads_dearer_than_writes() {
        assertThatThrownBy(() -> new CacheRates(0.1, 1.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cache rates must satisfy 0 <= read <= write, got read 1.25, write 0.1");
    }
}
