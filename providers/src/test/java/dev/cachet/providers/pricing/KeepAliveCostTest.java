package dev.cachet.providers.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.providers.Usage;
import org.junit.jupiter.api.Test;

class KeepAliveCostTest {
    // Claude Sonnet per million tokens: input 3, output 15, write 3.75 (5m) or 6 (1h), read 0.30.
    private static final ModelPrice SONNET = new ModelPrice(3, 15, 3.75, 6, 0.30);
    // The last call read 90,000 tokens, wrote 10,000 and sent 200 uncached: 100,000 cached after it.
    private static final Usage LAST = new Usage(200, 10_000, 90_000, 400, 0);

    @Test
    void a_ping_reads_the_prefix_sends_the_rest_uncached_and_pays_one_output_token() {
        // 100,000 x 0.30 + 200 x 3 + 1 x 15 = 30,615 micro-dollars.
        assertThat(new KeepAliveCost(SONNET).ping(LAST)).isCloseTo(0.030615, within(1e-9));
    }

    @Test
    void an_expiry_costs_the_prefix_written_again_instead_of_read() {
        // 100,000 x (3.75 - 0.30) = 345,000 micro-dollars.
        assertThat(new KeepAliveCost(SONNET).expiry(LAST)).isCloseTo(0.345, within(1e-9));
    }

    @Test
    void pings_pay_while_the_pings_of_one_idle_stretch_cost_less_than_the_rewrite() {
        KeepAliveCost cost = new KeepAliveCost(SONNET);
        // 0.345 / 0.030615 = 11.27: eleven pings cost less than one rewrite, twelve more.
        assertThat(cost.pays(LAST, 1)).isTrue();
        assertThat(cost.pays(LAST, 11)).isTrue();
        assertThat(cost.pays(LAST, 12)).isFalse();
    }

    @Test
    void an_hour_long_cache_costs_more_to_write_again_so_more_pings_pay() {
        KeepAliveCost cost = new KeepAliveCost(SONNET.withOneHourWrites());
        // 100,000 x (6 - 0.30) = 0.57; 0.57 / 0.030615 = 18.6.
        assertThat(cost.expiry(LAST)).isCloseTo(0.57, within(1e-9));
        assertThat(cost.pays(LAST, 18)).isTrue();
        assertThat(cost.pays(LAST, 19)).isFalse();
    }

    @Test
    void nothing_cached_is_nothing_to_keep_alive() {
        assertThat(new KeepAliveCost(SONNET).pays(new Usage(5_000, 0, 0, 100, 0), 1)).isFalse();
    }

    @Test
    void a_small_prefix_whose_uncached_tail_outweighs_its_rewrite_is_not_pinged() {
        // 1,024 cached: rewrite 1,024 x 3.45 = 3,533; a ping 1,024 x 0.3 + 2,000 x 3 + 15 = 6,322.
        assertThat(new KeepAliveCost(SONNET).pays(new Usage(2_000, 0, 1_024, 50, 0), 1)).isFalse();
    }
}
