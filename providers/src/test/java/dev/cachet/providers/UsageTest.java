package dev.cachet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {
    private final Usage usage = new Usage(100, 20, 300, 7, 3);

    @Test
    void input_is_the_sum_of_uncached_cache_write_and_cache_read() {
        assertThat(usage.input()).isEqualTo(100 + 20 + 300);
    }

    @Test
    void total_is_input_plus_output() {
        assertThat(usage.total()).isEqualTo(420 + 7);
    }

    @Test
    void zero_has_no_tokens_of_any_kind() {
        assertThat(Usage.ZERO.input()).isZero();
        assertThat(Usage.ZERO.total()).isZero();
        assertThat(Usage.ZERO.reasoning()).isZero();
    }

    @Test
    void plus_adds_every_kind_separately() {
        Usage sum = usage.plus(new Usage(1, 2, 3, 4, 5));

        assertThat(sum).isEqualTo(new Usage(101, 22, 303, 11, 8));
        assertThat(sum.input()).isEqualTo(426);
    }

    @Test
    void sums_past_a_long_stay_the_largest_count_rather_than_wrap_below_zero() {
        Usage huge = new Usage(Long.MAX_VALUE, Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, Long.MAX_VALUE);

        Usage twice = huge.plus(huge);

        assertThat(twice).isEqualTo(huge);
        assertThat(huge.input()).isEqualTo(Long.MAX_VALUE);
        assertThat(huge.total()).isEqualTo(Long.MAX_VALUE);
        assertThat(new Usage(10, 0, 0, 0, 0).plus(huge).uncachedInput()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void plus_zero_changes_nothing_and_leaves_both_operands_unchanged() {
        Usage other = new Usage(1, 1, 1, 1, 1);
        usage.plus(other);

        assertThat(usage.plus(Usage.ZERO)).isEqualTo(usage);
        assertThat(Usage.ZERO.plus(usage)).isEqualTo(usage);
        assertThat(usage).isEqualTo(new Usage(100, 20, 300, 7, 3));
        assertThat(other).isEqualTo(new Usage(1, 1, 1, 1, 1));
    }

    @Test
    void json_has_exactly_the_documented_field_names() {
        JsonNode json = Json.mapper().valueToTree(usage);

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder(
                "uncached_input_tokens", "cache_write_tokens", "cache_read_tokens",
                "output_tokens", "reasoning_tokens", "input_tokens");
    }

    @Test
    void json_values_are_the_token_counts_and_input_tokens_is_their_sum() {
        JsonNode json = Json.mapper().valueToTree(usage);

        assertThat(json.get("uncached_input_tokens").asLong()).isEqualTo(100);
        assertThat(json.get("cache_write_tokens").asLong()).isEqualTo(20);
        assertThat(json.get("cache_read_tokens").asLong()).isEqualTo(300);
        assertThat(json.get("output_tokens").asLong()).isEqualTo(7);
        assertThat(json.get("reasoning_tokens").asLong()).isEqualTo(3);
        assertThat(json.get("input_tokens").asLong()).isEqualTo(420);
    }

    @Test
    void json_round_trips_and_ignores_the_derived_input_tokens() throws Exception {
        String json = Json.mapper().writeValueAsString(usage);

        assertThat(Json.mapper().readValue(json, Usage.class)).isEqualTo(usage);
    }

    @Test
    void reads_json_written_by_hand_with_the_wire_names() throws Exception {
        String json = """
                {"uncached_input_tokens": 5, "cache_write_tokens": 6, "cache_read_tokens": 7,
                 "output_tokens": 8, "reasoning_tokens": 9}""";

        assertThat(Json.mapper().readValue(json, Usage.class)).isEqualTo(new Usage(5, 6, 7, 8, 9));
    }

    @Test
    void one_hour_writes_are_a_part_of_the_cache_writes_that_sums_and_round_trips() throws Exception {
        Usage split = new Usage(1, 10, 100, 2, 0, 4);

        assertThat(split.cacheWrite5m()).isEqualTo(6);
        assertThat(split.input()).isEqualTo(111);
        assertThat(split.plus(new Usage(0, 5, 0, 0, 0, 5)).cacheWrite1h()).isEqualTo(9);
        assertThat(Json.mapper().valueToTree(split).get("cache_write_1h_tokens").asLong()).isEqualTo(4);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(split), Usage.class)).isEqualTo(split);
    }

    @Test
    void one_hour_writes_cannot_exceed_the_writes() {
        assertThatThrownBy(() -> new Usage(0, 3, 0, 0, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(4)").hasMessageContaining("(3)");
    }
}
