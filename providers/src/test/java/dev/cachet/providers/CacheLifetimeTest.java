package dev.cachet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.Json;
import dev.cachet.providers.session.ModelChoice;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheLifetimeTest {
    @Test
    void a_lifetime_is_five_minutes_or_an_hour_however_written_or_auto() {
        assertThat(CacheLifetime.parse("5m")).isEqualTo(CacheLifetime.FIVE_MINUTES);
        assertThat(CacheLifetime.parse("300s")).isEqualTo(CacheLifetime.FIVE_MINUTES);
        assertThat(CacheLifetime.parse("60m")).isEqualTo(CacheLifetime.ONE_HOUR);
        assertThat(CacheLifetime.parse("auto")).isEqualTo(CacheLifetime.AUTO);
        assertThatThrownBy(() -> CacheLifetime.parse("10m")).isInstanceOf(ModelSpecException.class)
                .hasMessage("--cache-ttl must be 5m or 1h (the two lifetimes providers sell) or auto (each request's "
                        + "from the cost model), got 10m");
        assertThatThrownBy(() -> CacheLifetime.parse("soon")).hasMessageEndingWith("got soon");
        assertThatThrownBy(() -> CacheLifetime.parse("90s")).as("as given, not rounded").hasMessageEndingWith("got 90s");
        assertThatThrownBy(() -> CacheLifetime.of(Duration.ofSeconds(90))).hasMessageEndingWith("got 90s");
    }

    @Test
    void auto_writes_for_five_minutes_or_an_hour_so_its_cache_lives_between_the_two() {
        assertThat(CacheLifetime.AUTO.fixed()).isEmpty();
        assertThat(CacheLifetime.AUTO.shortest()).isEqualTo(Duration.ofMinutes(5));
        assertThat(CacheLifetime.AUTO.longest()).isEqualTo(Duration.ofHours(1));
        assertThat(CacheLifetime.ONE_HOUR.shortest()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_log_records_the_lifetime_as_the_flag_takes_it_and_reads_the_durations_of_older_logs() throws Exception {
        ModelChoice auto = new ModelChoice("anthropic:claude-sonnet-4-6", "", CacheLifetime.AUTO);
        String json = Json.mapper().writeValueAsString(auto);

        assertThat(json).contains("\"cache_ttl\":\"auto\"");
        assertThat(Json.mapper().readValue(json, ModelChoice.class)).isEqualTo(auto);
        assertThat(Json.mapper().readValue("{\"spec\":\"anthropic:claude-sonnet-4-6\",\"base_url\":\"\","
                + "\"cache_ttl\":\"PT1H\"}", ModelChoice.class).cacheTtl()).isEqualTo(CacheLifetime.ONE_HOUR);
    }

    @Test
    void under_auto_a_keep_alive_pings_at_the_pace_of_the_shorter_lifetime() {
        assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-6", java.util.Optional.empty(), CacheLifetime.AUTO)
                .keepAliveInterval()).isEqualTo(Duration.ofSeconds(270));
    }
}
