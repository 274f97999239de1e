package dev.cachet.evals.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallTotalsTest {
    private static final CallPricer PRICER = new CallPricer(model -> switch (model) {
        case "opus" -> Optional.of(new ModelPrice(5, 25, 6.25, 10, 0.5));
        case "haiku" -> Optional.of(new ModelPrice(1, 5, 1.25, 2, 0.1));
        default -> Optional.empty();
    });

    @Test
    void calls_added_one_at_a_time_cost_to_the_last_bit_what_their_costs_sum_to_in_order() {
        Random random = new Random(9);
        List<Call> calls = new ArrayList<>();
        CallTotals totals = new CallTotals(PRICER);
        for (int i = 0; i < 5_000; i++) {
            // Costs from a millionth of a dollar to dollars, the spread that makes a naive sum drift.
            Call call = call(random.nextBoolean() ? "opus" : "haiku", random.nextInt(7) == 0 ? 1 : random.nextInt(900_000));
            calls.add(call);
            totals.add(call);
        }

        double inOrder = calls.stream().mapToDouble(call -> PRICER.cost(call).orElseThrow()).sum();
        assertThat(totals.cost()).isEqualTo(inOrder);
        assertThat(totals.calls()).isEqualTo(5_000);
        assertThat(totals.usage()).isEqualTo(calls.stream().map(call -> call.usage().orElseThrow())
                .reduce(Usage.ZERO, Usage::plus));
        assertThat(totals.priced()).isTrue();
    }

    @Test
    void a_turn_added_in_place_counts_as_the_call_made_of_it() {
        Random random = new Random(4);
        List<TraceSummary.Turn> turns = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long write = random.nextInt(50_000);
            turns.add(new TraceSummary.Turn(OptionalLong.empty(), "main",
                    Optional.of(List.of("opus", "haiku", "mystery").get(random.nextInt(3))), Optional.empty(),
                    random.nextInt(5) == 0 ? Optional.empty() : Optional.of(new Usage(random.nextInt(9_000), write,
                            random.nextInt(900_000), random.nextInt(4_000), random.nextInt(900), write / 3))));
        }
        TurnColumns columns = TurnColumns.of(turns);
        CallTotals inPlace = new CallTotals(PRICER);
        CallTotals made = new CallTotals(PRICER);
        for (int i = 0; i < columns.size(); i++) {
            inPlace.add(columns.model(i), columns, i);
            made.add(columns.model(i), columns.usage(i));
        }

        assertThat(inPlace.calls()).isEqualTo(made.calls());
        assertThat(inPlace.usage()).isEqualTo(made.usage());
        assertThat(inPlace.cost()).isEqualTo(made.cost());
        assertThat(inPlace.priced()).isEqualTo(made.priced());
        assertThat(inPlace.models()).isEqualTo(made.models());
    }

    @Test
    void models_come_in_the_order_each_first_answered_and_an_unpriced_one_has_no_cost() {
        CallTotals totals = CallTotals.of(List.of(call("haiku", 10), call("mystery", 20), call("opus", 30),
                call("haiku", 40), new Call("s", "main", Optional.empty(), Optional.empty(), Optional.empty())),
                PRICER);

        assertThat(totals.models()).extracting(ModelUsage::model, ModelUsage::calls)
                .containsExactly(tuple("haiku", 2),
                        tuple("mystery", 1),
                        tuple("opus", 1),
                        tuple(CallPricer.UNKNOWN_MODEL, 1));
        assertThat(totals.models().get(1).costUsd()).isNull();
        assertThat(totals.models().get(3).costUsd()).as("no usage: nothing known, nothing unpriced").isNull();
        assertThat(totals.priced()).isFalse();
        assertThat(totals.cost()).isEqualTo(Stream.of(call("haiku", 10), call("opus", 30), call("haiku", 40))
                .mapToDouble(call -> PRICER.cost(call).orElseThrow()).sum());
        assertThat(new CallTotals(PRICER).cost()).isNull();
    }

    @Test
    void totals_know_whether_every_call_billed_its_usage_apart_from_whether_every_usage_is_priced() {
        CallTotals billed = CallTotals.of(List.of(call("haiku", 10), call("opus", 30)), PRICER);
        CallTotals oneUnknown = CallTotals.of(List.of(call("haiku", 10),
                new Call("s", "main", Optional.of("opus"), Optional.empty(), Optional.empty())), PRICER);

        assertThat(billed.usageKnown()).isTrue();
        assertThat(oneUnknown.usageKnown()).isFalse();
        assertThat(oneUnknown.priced()).isTrue();
        assertThat(oneUnknown.calls()).isEqualTo(2);
    }

    private static Call call(String model, int read) {
        return new Call("s", "main", Optional.of(model), Optional.empty(), Optional.of(new Usage(3, 100, read, 40, 0)));
    }
}
