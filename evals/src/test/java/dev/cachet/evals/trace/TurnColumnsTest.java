package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TurnColumnsTest {
    @Test
    void every_turn_comes_back_as_it_went_in_whatever_it_lacks() {
        Random random = new Random(5);
        List<TraceSummary.Turn> turns = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            turns.add(new TraceSummary.Turn(
                    random.nextBoolean() ? OptionalLong.of(random.nextLong()) : OptionalLong.empty(),
                    random.nextBoolean() ? "main" : "Explore",
                    random.nextBoolean() ? Optional.of("claude-opus-4-6") : Optional.empty(),
                    random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1 << 30),
                            random.nextInt(1_000_000_000))) : Optional.empty(),
                    random.nextBoolean() ? Optional.of(usage(random, Integer.MAX_VALUE)) : Optional.empty()));
        }

        TurnColumns columns = TurnColumns.of(turns);

        assertThat(columns).isEqualTo(turns);
        assertThat(columns).hasSameHashCodeAs(turns);
        assertThat(TurnColumns.of(columns)).isSameAs(columns);
    }

    @Test
    void each_field_is_read_in_place_missing_ones_as_null() {
        TraceSummary.Turn full = turn("main", Optional.of(new Usage(1, 2, 3, 4, 5, 1)));
        TurnColumns columns = TurnColumns.of(List.of(full, new TraceSummary.Turn(OptionalLong.empty(), "Explore",
                Optional.empty(), Optional.empty(), Optional.empty())));

        assertThat(columns.keyed(0)).isTrue();
        assertThat(columns.key(0)).isEqualTo(full.callKey().getAsLong());
        assertThat(columns.model(0)).isEqualTo("gpt-5-codex");
        assertThat(columns.at(0)).isEqualTo(full.at().orElseThrow());
        assertThat(columns.dated(0)).isTrue();
        assertThat(columns.epochSecond(0)).isEqualTo(full.at().orElseThrow().getEpochSecond());
        assertThat(columns.dated(1)).isFalse();
        assertThat(columns.usage(0)).isEqualTo(full.usage().orElseThrow());
        assertThat(columns.billed(0)).isTrue();
        assertThat(List.of(columns.uncachedInput(0), columns.cacheWrite(0), columns.cacheRead(0), columns.output(0),
                columns.reasoning(0), columns.cacheWrite1h(0))).containsExactly(1L, 2L, 3L, 4L, 5L, 1L);
        assertThat(columns.billed(1)).isFalse();
        assertThat(columns.keyed(1)).isFalse();
        assertThat(columns.agent(1)).isEqualTo("Explore");
        assertThat(columns.model(1)).isNull();
        assertThat(columns.at(1)).isNull();
        assertThat(columns.usage(1)).isNull();
    }

    @Test
    void counts_past_an_int_are_kept_whole_from_the_turn_that_has_one() {
        Usage huge = new Usage(3L << 40, 7L << 33, Integer.MAX_VALUE + 1L, 5, 0, 7L << 33);
        List<TraceSummary.Turn> turns = List.of(turn("main", Optional.of(new Usage(1, 2, 3, 4, 5, 1))),
                turn("main", Optional.of(huge)), turn("main", Optional.empty()));

        assertThat(TurnColumns.of(turns)).isEqualTo(turns);
    }

    /**
     * Kept in the least room that holds them (a name the turns share once, counts all zero in none, times from the
     * first): turns that differ where the others agree, and times and counts far apart, still come back exactly.
     */
    @Test
    void turns_that_break_what_the_turns_before_them_share_come_back_as_they_went_in() {
        List<TraceSummary.Turn> turns = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            turns.add(new TraceSummary.Turn(i == 30 ? OptionalLong.of(7) : OptionalLong.empty(),
                    i == 20 ? "Explore" : "main", i == 10 ? Optional.empty() : Optional.of("opus"),
                    i < 3 ? Optional.empty() : Optional.of(i == 35 ? Instant.MAX : i == 36 ? Instant.MIN
                            : Instant.ofEpochSecond(1_800_000_000L - i * 1_000_000_000L, i)),
                    Optional.of(i == 25 ? new Usage(0, 0, 0, 0, 1L << 40, 0) : new Usage(i, 0, 0, 1, 0, 0))));
        }

        assertThat(TurnColumns.of(turns)).isEqualTo(turns);
        assertThat(TurnColumns.of(turns.subList(0, 10))).as("one agent, one model, no id, no reasoning")
                .isEqualTo(turns.subList(0, 10));
    }

    @Test
    void a_builder_given_fewer_turns_than_it_made_room_for_is_refused() {
        TurnColumns.Builder builder = new TurnColumns.Builder(2);
        builder.next("main", null);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2");
    }

    @Test
    void built_columns_take_no_more_from_their_builder() {
        TurnColumns.Builder builder = new TurnColumns.Builder(1);
        builder.next("main", null);
        TurnColumns columns = builder.build();

        assertThatThrownBy(() -> builder.usage(1, 2, 3, 4, 5, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(columns.usage(0)).isNull();
    }

    @Test
    void a_time_or_usage_no_turn_can_have_is_refused_as_it_is_given() {
        TurnColumns.Builder builder = new TurnColumns.Builder(1);
        builder.next("main", null);

        assertThatThrownBy(() -> builder.at(Long.MAX_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.at(0, 1_000_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.usage(0, 600, 0, 0, 0, 601)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_agent_and_model_name_is_kept_once() {
        TurnColumns first = TurnColumns.of(List.of(turn(new String("Explore"), Optional.empty())));
        TurnColumns second = TurnColumns.of(List.of(turn(new String("Explore"), Optional.empty())));

        assertThat(first.agent(0)).isSameAs(second.agent(0));
        assertThat(first.model(0)).isSameAs(second.model(0)).isNotNull();
    }

    @Test
    void a_turn_past_the_end_is_refused() {
        TurnColumns columns = TurnColumns.of(List.of(turn("main", Optional.empty())));

        assertThatThrownBy(() -> columns.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static TraceSummary.Turn turn(String agent, Optional<Usage> usage) {
        return new TraceSummary.Turn(Optional.of("msg_1:req_1"), agent, Optional.of(new String("gpt-5-codex")),
                Optional.of(Instant.parse("2026-11-01T09:00:00.123456789Z")), usage);
    }

    private static Usage usage(Random random, int bound) {
        long write = random.nextInt(bound);
        return new Usage(random.nextInt(bound), write, random.nextInt(bound), random.nextInt(bound),
                random.nextInt(bound), write / 2);
    }
}
