package dev.cachet.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    @Test
    void a_keep_alive_comes_a_little_inside_the_ttl_whatever_the_ttl() {
        assertThat(ModelSpec.keepAliveInterval(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(270));
        assertThat(ModelSpec.keepAliveInterval(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(55));
        assertThat(ModelSpec.keepAliveInterval(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(110));
        assertThat(ModelSpec.keepAliveInterval(ChronoUnit.FOREVER.getDuration()))
                .isGreaterThan(Duration.ofDays(365L * 1_000));
    }

    @Test
    void a_model_keeps_its_cache_alive_at_the_interval_of_its_ttl() {
        assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(), ModelSpec.ONE_HOUR)
                .keepAliveInterval()).isEqualTo(Duration.ofMinutes(55));
        assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(), ModelSpec.FIVE_MINUTES)
                .keepAliveInterval()).isEqualTo(Duration.ofSeconds(270));
    }
}
