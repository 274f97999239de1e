package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void a_duration_is_shown_in_the_largest_unit_that_holds_it_whole_and_reads_back_the_same() {
        for (String written : new String[] {"20s", "90s", "6m", "90m", "2h"}) {
            Duration read = Durations.parse(written).orElseThrow();

            assertThat(Durations.format(read)).isEqualTo(written);
        }
        assertThat(Durations.format(Duration.ofSeconds(3600))).isEqualTo("1h");
        assertThat(Durations.format(Duration.ofSeconds(61))).isEqualTo("61s");
    }

    @Test
    void what_is_not_written_as_a_positive_number_and_a_unit_does_not_parse() {
        assertThat(Durations.parse("0s")).isEmpty();
        assertThat(Durations.parse("20")).isEmpty();
        assertThat(Durations.parse("1.5m")).isEmpty();
        assertThat(Durations.parse(" 30m ")).contains(Duration.ofMinutes(30));
    }
}
