package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallOwnersTest {
    @Test
    void a_call_in_several_files_is_billed_in_the_one_that_holds_the_most_else_the_first() {
        // The original session, its resumed log (its calls and two more), another resumed from it (one more).
        CallOwners owners = CallOwners.of(List.of(Set.of("a", "b"), Set.of("a", "b", "c", "d"), Set.of("a", "b", "e"),
                Set.of("f", "g", "h", "i"), Set.of("f", "g", "h", "i")));

        assertThat(owners.owner("a", 0)).isEqualTo(1);
        assertThat(owners.owner("a", 2)).isEqualTo(1);
        assertThat(owners.owner("c", 1)).isEqualTo(1);
        assertThat(owners.owner("e", 2)).isEqualTo(2);
        assertThat(owners.owner("f", 4)).as("a tie goes to the first in order").isEqualTo(3);
    }

    @Test
    void a_call_no_file_was_said_to_hold_is_billed_where_it_is_asked_about() {
        assertThat(CallOwners.of(List.of(Set.of("a"))).owner("z", 7)).isEqualTo(7);
    }
}
