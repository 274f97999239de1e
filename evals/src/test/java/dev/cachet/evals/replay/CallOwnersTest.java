package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallOwnersTest {
    @Test
    void a_call_in_several_files_is_billed_in_the_one_that_holds_the_most_else_the_first() {
        // The original session, its resumed log (its calls and two more), another resumed from it (one more).
        CallOwners owners = CallOwners.of(List.of(file("o", true, "a", "b"), file("r", true, "a", "b", "c", "d"),
                file("s", true, "a", "b", "e"), file("x", true, "f", "g", "h", "i"), file("y", true, "f", "g", "h", "i")));

        assertThat(owners.owner("a", "o")).isEqualTo("r");
        assertThat(owners.owner("a", "s")).isEqualTo("r");
        assertThat(owners.owner("c", "r")).isEqualTo("r");
        assertThat(owners.owner("e", "s")).isEqualTo("s");
        assertThat(owners.owner("f", "y")).as("a tie goes to the first in order").isEqualTo("x");
    }

    @Test
    void a_trace_with_a_bill_bills_a_shared_call_before_a_larger_files_trace_without_one() {
        // The larger log was cut off before its last call was billed: its trace is estimated, with no bill to hold one.
        CallOwners owners = CallOwners.of(List.of(file("billed", true, "a", "b"), file("cut", false, "a", "b", "c")));

        assertThat(owners.owner("a", "cut")).isEqualTo("billed");
        assertThat(owners.owner("c", "cut")).isEqualTo("cut");
    }

    @Test
    void within_one_file_a_call_two_traces_hold_is_billed_by_the_first() {
        Map<String, BilledOnce.TraceCalls> log = new LinkedHashMap<>(file("main", true, "a", "b"));
        log.putAll(file("main#sidechain-1", true, "b", "c"));

        CallOwners owners = CallOwners.of(List.of(log));

        assertThat(owners.owner("b", "main#sidechain-1")).isEqualTo("main");
        assertThat(owners.owner("c", "main#sidechain-1")).isEqualTo("main#sidechain-1");
    }

    @Test
    void a_call_no_trace_was_said_to_hold_is_billed_where_it_is_asked_about() {
        assertThat(CallOwners.of(List.of(file("t", true, "a"))).owner("z", "u")).isEqualTo("u");
    }

    private static Map<String, BilledOnce.TraceCalls> file(String trace, boolean recorded, String... ids) {
        return Map.of(trace, new BilledOnce.TraceCalls(Arrays.stream(ids).map(Optional::of).toList(), recorded));
    }
}
