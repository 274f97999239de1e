package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void one_of_a_thing_is_singular_and_every_other_count_plural() {
        assertThat(Counted.of(1, "turn")).isEqualTo("1 turn");
        assertThat(Counted.of(0, "turn")).isEqualTo("0 turns");
        assertThat(Counted.of(2, "repeat")).isEqualTo("2 repeats");
        assertThat(Counted.of(-1, "turn")).isEqualTo("-1 turns");
    }

    @Test
    void counts_have_thousands_separators() {
        assertThat(Counted.of(12_345, "call")).isEqualTo("12,345 calls");
    }

    @Test
    void nouns_ending_in_a_hissing_sound_or_a_consonant_and_y_take_their_english_plurals() {
        assertThat(Counted.of(2, "match")).isEqualTo("2 matches");
        assertThat(Counted.of(3, "pass")).isEqualTo("3 passes");
        assertThat(Counted.of(4, "strategy")).isEqualTo("4 strategies");
        assertThat(Counted.of(1, "strategy")).isEqualTo("1 strategy");
        assertThat(Counted.of(2, "day")).isEqualTo("2 days");
    }
}
