package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.providers.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FidelityTest {
    /**
     * Trace a: replayed inputs 1,000 and 2,000 (1,000 of it read) at $0.01 and $0.02, billed 1,000 and 2,500 (2,000
     * read) at $0.01 and $0.025. Trace b: replayed 400 at $0.004, billed 500 (400 read) at $0.005.
     */
    private static final ReplayRun A = run("a", "transcript", call(1000, 0, 0.01), call(1000, 1000, 0.02));
    private static final ReplayRun B = run("b", "transcript", call(400, 0, 0.004));
    private static final List<ReplayRun> RUNS = List.of(
            A,
            run("a", "hybrid", call(500, 0, 0.005), call(500, 500, 0.01)),
            bill(A, call(1000, 0, 0.01), call(500, 2000, 0.025)),
            B,
            bill(B, call(100, 400, 0.005)),
            run("c", "transcript", call(300, 0, 0.003)));

    @Test
    void each_trace_with_a_bill_compares_its_transcript_call_by_call() {
        List<Fidelity> perTrace = Fidelity.perTrace(RUNS);

        assertThat(perTrace).extracting(Fidelity::trace).containsExactly("a", "b");
        Fidelity a = perTrace.get(0);
        // cost (0.03 - 0.035) / 0.035; input (3,000 - 3,500) / 3,500; per call 0 and 0.2, nearest-rank median 0;
        // cache-read share 1,000 / 3,000 - 2,000 / 3,500
        assertThat(a.costError()).isCloseTo(-1 / 7.0, within(1e-12));
        assertThat(a.inputError()).isCloseTo(-1 / 7.0, within(1e-12));
        assertThat(a.perCallInputMedianError()).isZero();
        assertThat(a.cacheReadShareError()).isCloseTo(1 / 3.0 - 4 / 7.0, within(1e-12));
    }

    @Test
    void overall_pools_every_trace_with_a_bill_so_that_long_sessions_weigh_as_they_cost() {
        Fidelity overall = Fidelity.overall(RUNS).orElseThrow();

        // cost (0.034 - 0.040) / 0.040; input (3,400 - 4,000) / 4,000; per call 0, 0.2 and 0.2: median 0.2;
        // cache-read share 1,000 / 3,400 - 2,400 / 4,000. Trace c has no bill and counts nowhere.
        assertThat(overall.trace()).isEqualTo(Fidelity.OVERALL);
        assertThat(overall.costError()).isCloseTo(-0.15, within(1e-12));
        assertThat(overall.inputError()).isCloseTo(-0.15, within(1e-12));
        assertThat(overall.perCallInputMedianError()).isCloseTo(0.2, within(1e-12));
        assertThat(overall.cacheReadShareError()).isCloseTo(1000 / 3400.0 - 0.6, within(1e-12));
    }

    @Test
    void without_a_bill_there_is_nothing_to_compare() {
        List<ReplayRun> estimated = List.of(run("c", "transcript", call(300, 0, 0.003)));

        assertThat(Fidelity.perTrace(estimated)).isEmpty();
        assertThat(Fidelity.overall(estimated)).isEmpty();
    }

    @Test
    void a_bill_is_checked_against_its_originals_replay_not_against_the_strategies_transcript() {
        // The strategies' transcript ran at another cache lifetime: cheaper than the bill, though the original matched.
        List<ReplayRun> runs = List.of(run("d", "transcript", call(400, 0, 0.002)),
                bill(run("d", "transcript", call(400, 0, 0.004)), call(400, 0, 0.004)));

        Fidelity d = Fidelity.perTrace(runs).get(0);

        assertThat(d.costError()).isZero();
        assertThat(d.inputError()).isZero();
    }

    private static ReplayRun bill(ReplayRun original, ReplayTurn... turns) {
        return new ReplayRun(original.trace(), CounterfactualReplay.RECORDED, List.of(turns), false, 0,
                Optional.of(original));
    }

    private static ReplayRun run(String trace, String strategy, ReplayTurn... turns) {
        return new ReplayRun(trace, strategy, List.of(turns), false, 0);
    }

    /** A call of {@code uncached} + {@code read} input tokens whose input cost {@code cost}. */
    private static ReplayTurn call(long uncached, long read, double cost) {
        return new ReplayTurn(1, (int) (uncached + read), new Usage(uncached, 0, read, 10, 0), cost, cost, 0, 0, 0, 0.0, CallCache.of(false));
    }
}
