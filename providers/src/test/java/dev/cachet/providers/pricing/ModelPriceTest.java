package dev.cachet.providers.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.strategy.CacheRates;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelPriceTest {
    private static final double CENT_FRACTION = 1e-12;

    // claude-sonnet-4-6 prices in dollars per million tokens, written out here rather than read from the table.
    private final ModelPrice sonnet = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);

    @Test
    void cost_of_a_hand_worked_usage() {
        Usage usage = new Usage(1_000, 2_000, 10_000, 500, 0);

        // 1,000 x $3 + 2,000 x $3.75 + 10,000 x $0.30 = $13,500 per million = $0.0135 of input
        // 500 x $15 = $7,500 per million = $0.0075 of output
        assertThat(sonnet.inputCost(usage)).isCloseTo(0.0135, within(CENT_FRACTION));
        assertThat(sonnet.cost(usage)).isCloseTo(0.0210, within(CENT_FRACTION));
    }

    @Test
    void a_million_tokens_of_each_kind_costs_the_listed_price() {
        assertThat(sonnet.cost(new Usage(1_000_000, 0, 0, 0, 0))).isCloseTo(3.00, within(CENT_FRACTION));
        assertThat(sonnet.cost(new Usage(0, 1_000_000, 0, 0, 0))).isCloseTo(3.75, within(CENT_FRACTION));
        assertThat(sonnet.cost(new Usage(0, 0, 1_000_000, 0, 0))).isCloseTo(0.30, within(CENT_FRACTION));
        assertThat(sonnet.cost(new Usage(0, 0, 0, 1_000_000, 0))).isCloseTo(15.00, within(CENT_FRACTION));
    }

    @Test
    void cache_writes_are_priced_at_the_five_minute_rate_not_the_one_hour_rate() {
        assertThat(sonnet.inputCost(new Usage(0, 2_000_000, 0, 0, 0))).isCloseTo(7.50, within(CENT_FRACTION));
    }

    @Test
    void input_cost_excludes_output() {
        Usage outputOnly = new Usage(0, 0, 0, 1_000_000, 0);

        assertThat(sonnet.inputCost(outputOnly)).isZero();
        assertThat(sonnet.cost(outputOnly)).isCloseTo(15.00, within(CENT_FRACTION));
    }

    @Test
    void cost_minus_input_cost_is_the_output_cost() {
        Usage usage = new Usage(123, 456, 7_890, 321, 0);

        assertThat(sonnet.cost(usage) - sonnet.inputCost(usage)).isCloseTo(321 * 15.00 / 1e6, within(CENT_FRACTION));
    }

    @Test
    void zero_usage_costs_nothing() {
        assertThat(sonnet.cost(Usage.ZERO)).isZero();
    }

    @Test
    void cache_rates_are_multiples_of_the_input_price() {
        assertThat(sonnet.cacheRates().write()).isCloseTo(3.75 / 3.00, within(1e-12));
        assertThat(sonnet.cacheRates().read()).isCloseTo(0.30 / 3.00, within(1e-12));
    }

    @Test
    void a_free_model_has_no_cache_discount_to_weigh() {
        ModelPrice free = new ModelPrice(0, 0, 0, 0, 0);

        assertThat(free.cacheRates()).isEqualTo(new CacheRates(1, 1));
        assertThat(free.cacheRates(Duration.ofHours(1))).isEqualTo(new CacheRates(1, 1, Duration.ofHours(1)));
    }

    @Test
    void an_hour_long_cache_bills_every_write_at_the_one_hour_rate() {
        Usage usage = new Usage(0, 1_000_000, 0, 0, 0);
        assertThat(sonnet.withOneHourWrites().cost(usage)).isCloseTo(6.00, within(1e-9));
        assertThat(sonnet.withOneHourWrites().cacheRates().write()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void writes_a_usage_counts_as_one_hour_writes_are_priced_at_the_one_hour_rate_and_the_rest_at_five_minutes() {
        // 600k 5-minute writes x 3.75 + 400k 1-hour writes x 6.00 = 2.25 + 2.40
        Usage usage = new Usage(0, 1_000_000, 0, 0, 0, 400_000);

        assertThat(sonnet.cost(usage)).isCloseTo(4.65, within(1e-9));
    }

    @Test
    void a_request_past_the_long_context_threshold_is_billed_whole_at_the_longer_prices() {
        ModelPrice tiered = sonnet.above(200_000, new ModelPrice(6.00, 22.50, 7.50, 12.00, 0.60));
        Usage atThreshold = new Usage(0, 0, 200_000, 1_000, 0);
        Usage past = new Usage(1, 0, 200_000, 1_000, 0);
        Usage mixed = new Usage(50_000, 100_000, 60_000, 0, 0);

        assertThat(tiered.cost(atThreshold)).isCloseTo(sonnet.cost(atThreshold), within(CENT_FRACTION));
        // One token more and every token, output too, is billed at the longer prices: 1 x $6 + 200,000 x $0.60 +
        // 1,000 x $22.50 per million.
        assertThat(tiered.cost(past)).isCloseTo((6 + 120_000 + 22_500) / 1e6, within(CENT_FRACTION));
        assertThat(tiered.cost(past.uncachedInput(), past.cacheWrite(), past.cacheRead(), past.output(),
                past.cacheWrite1h())).isEqualTo(tiered.cost(past));
        // Written and read tokens count toward the threshold as uncached ones do: 210,000 in all.
        assertThat(tiered.inputCost(mixed)).isCloseTo((50_000 * 6 + 100_000 * 7.50 + 60_000 * 0.60) / 1e6,
                within(CENT_FRACTION));
        assertThat(tiered.withOneHourWrites().inputCost(new Usage(0, 300_000, 0, 0, 0)))
                .isCloseTo(300_000 * 12.00 / 1e6, within(CENT_FRACTION));
        // Strategies weigh the tier as a factor on the same multiples: every token of a longer prompt costs double.
        assertThat(tiered.withOneHourWrites().cacheRates().longPrompt()).isEqualTo(tiered.cacheRates().longPrompt());
        assertThat(new ModelPrice(0, 0, 0, 0, 0).above(200_000, new ModelPrice(0, 0, 0, 0, 0)).cacheRates()
                .longPrompt()).as("a free model has no premium to weigh").isEmpty();
        CacheRates flat = sonnet.cacheRates();
        assertThat(tiered.cacheRates()).isEqualTo(new CacheRates(flat.write(), flat.read(), flat.ttl(),
                Optional.of(new CacheRates.LongPrompt(200_000, 2.0))));
    }

    @Test
    void a_long_context_price_has_no_tier_of_its_own() {
        ModelPrice tiered = sonnet.above(200_000, new ModelPrice(6.00, 22.50, 7.50, 12.00, 0.60));

        assertThatThrownBy(() -> sonnet.above(100_000, tiered)).isInstanceOf(IllegalArgumentException.class);
    }
}
