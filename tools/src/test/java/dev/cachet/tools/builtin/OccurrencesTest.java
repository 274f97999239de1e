package dev.cachet.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OccurrencesTest {
    @Test
    void finds_the_first_and_counts_overlapping_ones_as_index_of_does() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            String text = randomText(random, random.nextInt(40));
            String string = randomText(random, 1 + random.nextInt(4));

            int count = 0;
            for (int i = text.indexOf(string); i >= 0; i = text.indexOf(string, i + 1)) {
                count++;
            }
            assertThat(Occurrences.of(text, string)).as("%s in %s", string, text)
                    .isEqualTo(new Occurrences(text.indexOf(string), count));
        }
    }

    @Test
    void a_long_run_of_one_letter_in_a_longer_one_is_one_pass() {
        // indexOf at each of the 10 million places compares up to 300,000 letters: minutes. One pass: milliseconds.
        Occurrences found = Occurrences.of("a".repeat(10_000_000), "a".repeat(300_000));

        assertThat(found).isEqualTo(new Occurrences(0, 10_000_000 - 300_000 + 1));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("ab".charAt(random.nextInt(2)));
        }
        return text.toString();
    }
}
