package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallOwnersTest {
    @Test
    void a_call_in_several_files_is_billed_in_the_one_that_holds_the_most_else_the_first() {
        // The original session, its resumed log (its calls and two more), another resumed from it (one more).
        List<Set<String>> files = List.of(Set.of("a", "b"), Set.of("a", "b", "c", "d"), Set.of("a", "b", "e"),
                Set.of("f", "g", "h", "i"), Set.of("f", "g", "h", "i"));
        CallOwners owners = CallOwners.of(files, files);

        assertThat(owners.owner("a", 0)).isEqualTo(1);
        assertThat(owners.owner("a", 2)).isEqualTo(1);
        assertThat(owners.owner("c", 1)).isEqualTo(1);
        assertThat(owners.owner("e", 2)).isEqualTo(2);
        assertThat(owners.owner("f", 4)).as("a tie goes to the first in order").isEqualTo(3);
    }

    @Test
    void a_file_whose_trace_has_a_bill_bills_a_shared_call_before_a_larger_one_whose_trace_has_none() {
        // The larger log was cut off before its last call was billed: its trace is estimated, with no bill to hold one.
        CallOwners owners = CallOwners.of(List.of(Set.of("a", "b"), Set.of()),
                List.of(Set.of("a", "b"), Set.of("a", "b", "c")));

        assertThat(owners.owner("a", 1)).isEqualTo(0);
        assertThat(owners.owner("c", 1)).isEqualTo(1);
    }

    @Test
    void a_call_no_file_was_said_to_hold_is_billed_where_it_is_asked_about() {
        assertThat(CallOwners.of(List.of(Set.of("a")), List.of(Set.of("a"))).owner("z", 7)).isEqualTo(7);
    }
}
