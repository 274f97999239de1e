package dev.cachet.context.strategy.hybrid;

import static dev.cachet.context.strategy.TestSessions.placeholder;
import static dev.cachet.context.strategy.TestSessions.readArgs;
import static dev.cachet.context.strategy.TestSessions.sourceLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.TestSessions;
import dev.cachet.context.strategy.TestSessions.Script;
import dev.cachet.context.strategy.TestSessions.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskCompactorTest {
    private static final TokenCounter COUNTER = TestSessions.COUNTER;
    private static final int NOTHING_IS_BULKY = 100_000;
    /** A re-read costs nothing, so no output is worth keeping for its use. */
    private static final WorkingSet NOTHING_IN_USE = new WorkingSet(() -> 0);

    /** A read of A, the same read again, then a search: the results sit at history positions 2, 4 and 6. */
    private static final List<Turn> READ_TWICE = new Script()
            .call("Reading A.", "read_file", readArgs("src/A.java"), sourceLines("A", 1, 50))
            .call("Reading A again.", "read_file", readArgs("src/A.java"), sourceLines("A", 2, 50))
            .call("Searching.", "grep", "{\"pattern\":\"a1\"}", "src/A.java:3: a1")
            .turns();

    private static History history(List<Turn> turns) {
        return new History(TestSessions.history(turns));
    }

    @Test
    void masks_a_superseded_output_outside_the_kept_ones_and_moves_the_frontier_to_the_end() {
        Compactions next = new MaskCompactor(COUNTER, 1, NOTHING_IS_BULKY, 0, NOTHING_IN_USE)
                .next(history(READ_TWICE), Compactions.NONE).orElseThrow();

        assertThat(next.masks()).isEqualTo(Map.of(2, placeholder(COUNTER, READ_TWICE.get(0), "superseded by a later call")));
        assertThat(next.frontier()).isEqualTo(7);
        assertThat(next.foldedUpTo()).isZero();
    }

    @Test
    void masks_a_bulky_output_that_nothing_superseded() {
        List<Turn> turns = new Script()
                .call("Reading A.", "read_file", readArgs("src/A.java"), sourceLines("A", 1, 50))
                .call("Reading B.", "read_file", readArgs("src/B.java"), sourceLines("B", 1, 5))
                .turns();

        Compactions next = new MaskCompactor(COUNTER, 1, 200, 0, NOTHING_IN_USE).next(history(turns), Compactions.NONE).orElseThrow();

        assertThat(next.masks()).isEqualTo(Map.of(2, placeholder(COUNTER, turns.get(0), "an older bulky output")));
    }

    @Test
    void the_last_keep_outputs_are_never_masked() {
        assertThat(new MaskCompactor(COUNTER, 2, 1, 0, NOTHING_IN_USE).next(history(READ_TWICE), Compactions.NONE)
                .orElseThrow().masks()).containsOnlyKeys(2);
        assertThat(new MaskCompactor(COUNTER, 3, 1, 0, NOTHING_IN_USE).next(history(READ_TWICE), Compactions.NONE)).isEmpty();
    }

    @Test
    void proposes_nothing_new_once_its_masks_are_applied() {
        MaskCompactor masking = new MaskCompactor(COUNTER, 1, NOTHING_IS_BULKY, 0, NOTHING_IN_USE);
        Compactions masked = masking.next(history(READ_TWICE), Compactions.NONE).orElseThrow();

        assertThat(masking.next(history(READ_TWICE), masked)).isEmpty();
    }

    @Test
    void leaves_folded_outputs_and_outputs_a_placeholder_would_not_shrink() {
        Compactions folded = Compactions.NONE.folding(3, "state", List.of(), 3);
        assertThat(new MaskCompactor(COUNTER, 1, NOTHING_IS_BULKY, 0, NOTHING_IN_USE).next(history(READ_TWICE), folded)).isEmpty();

        List<Turn> tiny = new Script()
                .call("Building.", "run_command", "{\"command\":\"make\"}", "ok")
                .call("Building again.", "run_command", "{\"command\":\"make\"}", "ok")
                .turns();
        assertThat(new MaskCompactor(COUNTER, 1, NOTHING_IS_BULKY, 0, NOTHING_IN_USE).next(history(tiny), Compactions.NONE)).isEmpty();
    }

    @Test
    void leaves_a_bulky_output_in_use_but_masks_it_once_superseded() {
        List<Turn> turns = new Script()
                .call("Reading A.", "read_file", readArgs("src/A.java"), sourceLines("A", 1, 50))
                .call("Compiling A.", "run_command", "{\"command\":\"javac src/A.java\"}", "ok")
                .turns();
        WorkingSet workingSet = new WorkingSet(() -> 5);
        workingSet.update(TestSessions.history(turns));

        assertThat(new MaskCompactor(COUNTER, 1, 200, 0, workingSet).next(history(turns), Compactions.NONE)).isEmpty();
        assertThat(new MaskCompactor(COUNTER, 2, 200, 0, workingSet).next(history(READ_TWICE), Compactions.NONE)
                .orElseThrow().masks()).containsOnlyKeys(2);
    }
}
