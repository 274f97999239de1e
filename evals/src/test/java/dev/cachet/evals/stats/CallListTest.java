package dev.cachet.evals.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CallListTest {
    private static final Optional<Instant> NINE = Optional.of(Instant.parse("2026-11-01T09:00:00Z"));
    private static final Optional<Instant> TEN = Optional.of(Instant.parse("2026-11-01T10:00:00Z"));
    private static final Optional<Usage> USAGE = Optional.of(new Usage(3, 600, 8_000, 50, 0, 600));

    private final TraceSummary main = new TraceSummary("s.jsonl", "claude-code", "s", Optional.of("opus"), List.of(
            new TraceSummary.Turn(Optional.of("m1:r1"), "main", Optional.empty(), NINE, USAGE),
            new TraceSummary.Turn(Optional.empty(), "main", Optional.of("haiku"), TEN, Optional.empty())),
            OptionalInt.empty(), Optional.empty(), List.of(new SideCall(SideCall.Kind.PING, 1, TEN, USAGE),
                    new SideCall(SideCall.Kind.SUMMARY, 0, TEN, USAGE)));
    private final TraceSummary resumed = new TraceSummary("t.jsonl", "claude-code", "t", Optional.empty(), List.of(
            new TraceSummary.Turn(Optional.of("m1:r1"), "main", Optional.of("opus"), NINE, USAGE),
            new TraceSummary.Turn(Optional.of("m2:r2"), "Explore", Optional.of("haiku"), TEN, USAGE)),
            OptionalInt.empty(), Optional.empty());

    @Test
    void calls_are_made_from_their_summaries_turns_then_side_calls_each_id_counted_once() {
        Calls calls = new Calls();

        assertThat(calls.of(List.of(main))).containsExactly(
                new Call("s", "main", Optional.of("opus"), NINE, USAGE),
                new Call("s", "main", Optional.of("haiku"), TEN, Optional.empty()),
                // At the model of the turn they came before, or the session's.
                new Call("s", "main", Optional.of("haiku"), TEN, USAGE, true),
                new Call("s", SideCall.SUMMARIZER, Optional.of("opus"), TEN, USAGE));
        assertThat(calls.of(List.of(resumed))).as("m1:r1 was counted with s")
                .containsExactly(new Call("t", "Explore", Optional.of("haiku"), TEN, USAGE));
    }

    @Test
    void a_filter_and_an_addition_keep_places_and_order() {
        CallList all = new CallList();
        all.addAll(new Calls().of(List.of(main, resumed)));
        CallList late = all.filter(call -> call.at().equals(TEN));

        assertThat(all).hasSize(5);
        assertThat(late).extracting(Call::session, Call::agent, Call::ping)
                .containsExactly(tuple("s", "main", false), tuple("s", "main", true), tuple("s", "summarizer", false),
                        tuple("t", "Explore", false));
        assertThatThrownBy(() -> late.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> late.add(late.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void each_field_is_read_in_place_as_the_call_made_of_it_holds_it() {
        CallList all = new Calls().of(List.of(main, resumed));
        List<Call> made = List.copyOf(all);

        for (CallView calls : List.of(all, CallView.of(made), SessionCalls.of(all))) {
            assertThat(calls.size()).isEqualTo(made.size());
            for (int i = 0; i < made.size(); i++) {
                Call call = made.get(i);
                assertThat(calls.agent(i)).isEqualTo(call.agent());
                assertThat(Optional.ofNullable(calls.model(i))).isEqualTo(call.model());
                assertThat(Optional.ofNullable(calls.at(i))).isEqualTo(call.at());
                assertThat(Optional.ofNullable(calls.usage(i))).isEqualTo(call.usage());
                assertThat(calls.ping(i)).isEqualTo(call.ping());
                assertThat(calls.billed(i)).isEqualTo(call.usage().isPresent());
                assertThat(calls.dated(i)).isEqualTo(call.at().isPresent());
                if (calls.dated(i)) {
                    assertThat(calls.epochSecond(i)).isEqualTo(call.at().orElseThrow().getEpochSecond());
                }
            }
        }
    }

    @Test
    void each_call_is_added_up_in_place_as_the_call_made_of_it_is() {
        CallPricer pricer = new CallPricer(model -> Optional.of(new dev.cachet.providers.pricing.ModelPrice(5, 25, 6.25,
                10, 0.5)));
        CallList all = new Calls().of(List.of(main, resumed));
        CallTotals inPlace = new CallTotals(pricer);
        CallTotals made = new CallTotals(pricer);
        for (int i = 0; i < all.size(); i++) {
            all.addTo(inPlace, i);
            made.add(all.get(i));
        }

        assertThat(inPlace.models()).isEqualTo(made.models());
        assertThat(inPlace.cost()).isEqualTo(made.cost());
    }
}
