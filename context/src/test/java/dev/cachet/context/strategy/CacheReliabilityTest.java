package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CacheReliabilityTest {
    private static final CacheRates RATES = CacheRates.ANTHROPIC;

    /** The price of a cached token when this share of them is served: read at 0.1, the rest written at 1.25. */
    private static double rate(double served) {
        return served * 0.1 + (1 - served) * 1.25;
    }

    /** A reliability told of calls in order, each as its predicted read and the share of it served. */
    private static CacheReliability after(double... readThenShare) {
        CacheReliability reliability = new CacheReliability();
        for (int i = 0; i < readThenShare.length; i += 2) {
            reliability.served((long) readThenShare[i], readThenShare[i + 1]);
        }
        return reliability;
    }

    @Test
    void before_any_call_a_cached_token_costs_the_read_price() {
        assertThat(new CacheReliability().cachedTokenRate(RATES)).isEqualTo(0.1);
    }

    @Test
    void a_first_call_served_nothing_halves_the_trust_the_promise_alone_gave() {
        assertThat(after(2_000, 0).cachedTokenRate(RATES)).isCloseTo(rate(0.5), within(1e-12));
    }

    @Test
    void tokens_are_weighed_so_a_miss_on_a_small_call_weighs_little() {
        // promise 1,000 + 0 + 9,000 served of 1,000 + 1,000 + 9,000
        assertThat(after(1_000, 0, 9_000, 1).cachedTokenRate(RATES)).isCloseTo(rate(10.0 / 11), within(1e-12));
    }

    @Test
    void an_output_stays_in_use_until_its_rent_at_the_cached_price_paid_for_a_re_read() {
        // Anthropic: a re-read sends the output again at the input price, keeping it costs 0.1 of that a turn.
        CacheReliability reliability = new CacheReliability();
        assertThat(reliability.idleTurns(RATES)).isEqualTo(10);
        assertThat(reliability.idleTurns(new CacheRates(1.25, 0.3 / 3))).isEqualTo(10);
        // Served half, a kept token costs 0.675: after two turns its rent has paid for a re-read.
        assertThat(after(1_000, 0).idleTurns(RATES)).isEqualTo(2);
        assertThat(new CacheReliability().idleTurns(new CacheRates(1, 0))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_share_above_one_counts_as_served_in_full() {
        assertThat(after(1_000, 0, 1_000, 3).cachedTokenRate(RATES)).isCloseTo(rate(2.0 / 3), within(1e-12));
    }

    @Test
    void a_share_that_is_no_number_or_a_negative_count_is_refused() {
        CacheReliability reliability = new CacheReliability();
        assertThatThrownBy(() -> reliability.served(1_000, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> reliability.served(1_000, -0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reliability.served(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
