package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallKeyTest {
    @Test
    void the_same_id_has_the_same_key() {
        assertThat(CallKey.of("msg_01ABC:req_011XYZ")).isEqualTo(CallKey.of(new String("msg_01ABC:req_011XYZ")));
    }

    @Test
    void ids_that_differ_by_a_character_or_its_place_have_different_keys() {
        Set<Long> keys = new HashSet<>();
        int ids = 0;
        // Claude Code's shape: message id and request id, numbered as a year of calls would number them.
        for (int message = 0; message < 500; message++) {
            for (int request = 0; request < 500; request++) {
                keys.add(CallKey.of("msg_" + message + ":req_" + request));
                ids++;
            }
        }
        for (String id : new String[] {"", ":", "a:", ":a", "ab", "ba", "\u0000", "\u0000\u0000", "\uffff"}) {
            keys.add(CallKey.of(id));
            ids++;
        }

        assertThat(keys).hasSize(ids);
    }
}
