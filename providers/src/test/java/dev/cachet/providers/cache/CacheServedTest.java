package dev.cachet.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.providers.Usage;
import org.junit.jupiter.api.Test;

class CacheServedTest {
    @Test
    void a_bill_that_read_what_was_predicted_served_it_all() {
        Usage predicted = new Usage(100, 900, 9_000, 0, 0);
        assertThat(CacheServed.share(predicted, predicted)).hasValue(1.0);
    }

    @Test
    void a_bill_that_read_nothing_served_nothing() {
        assertThat(CacheServed.share(new Usage(100, 900, 9_000, 0, 0), new Usage(100, 9_900, 0, 0, 0)))
                .hasValue(0.0);
    }

    @Test
    void prompt_shares_are_compared_so_another_tokenizer_s_counts_still_compare() {
        // Predicted: 9,000 of 10,000 read. Billed in a tokenizer that counts 20% more: 5,400 of 12,000 read.
        Usage predicted = new Usage(100, 900, 9_000, 0, 0);
        Usage billed = new Usage(120, 6_480, 5_400, 0, 0);
        assertThat(CacheServed.share(predicted, billed).orElseThrow()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void where_nothing_was_predicted_to_be_read_there_is_no_share() {
        assertThat(CacheServed.share(new Usage(100, 900, 0, 0, 0), new Usage(100, 900, 0, 0, 0))).isEmpty();
        assertThat(CacheServed.share(new Usage(100, 900, 9_000, 0, 0), Usage.ZERO)).isEmpty();
    }

    @Test
    void a_bill_with_a_negative_count_teaches_nothing() {
        Usage predicted = new Usage(100, 900, 9_000, 0, 0);
        assertThat(CacheServed.share(predicted, new Usage(20_000, 0, -5_000, 0, 0))).isEmpty();
        assertThat(CacheServed.share(predicted, new Usage(-20_000, 0, 5_000, 0, 0))).isEmpty();
    }
}
