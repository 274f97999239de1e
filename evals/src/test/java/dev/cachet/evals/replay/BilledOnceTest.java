package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.providers.Usage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BilledOnceTest {
    /** The original session (two calls), its resumed log (those and two more), another resumed from it (one more). */
    private static final BilledOnce RESUMED = BilledOnce.of(List.of(
            Map.of("a", billed("m1", "m2")),
            Map.of("b", billed("m1", "m2", "m3", "m4")),
            Map.of("c", billed("m1", "m2", "m5"),
                    "c#estimated", new BilledOnce.TraceCalls(List.of(Optional.empty()), false))));

    @Test
    void a_trace_whose_calls_are_all_billed_elsewhere_is_not_reported() {
        assertThat(RESUMED.billed(run("a", 2))).isEmpty();
        assertThat(RESUMED.billed(run("b", 4))).contains(run("b", 4));
    }

    @Test
    void a_trace_that_shares_some_calls_keeps_only_its_own_and_so_does_its_original_replay() {
        ReplayRun shared = run("c", 3);
        ReplayRun withOriginal = new ReplayRun("c", CounterfactualReplay.RECORDED, shared.turns(), false, 0.5,
                Optional.of(run("c", 3)));

        ReplayRun billed = RESUMED.billed(withOriginal).orElseThrow();

        assertThat(billed.turns()).extracting(ReplayTurn::turn).containsExactly(3);
        assertThat(billed.original().orElseThrow().turns()).extracting(ReplayTurn::turn).containsExactly(3);
        assertThat(billed.restartCostUsd()).isEqualTo(0.5);
    }

    @Test
    void calls_without_ids_and_traces_no_file_shares_with_are_billed_where_they_are() {
        assertThat(RESUMED.billed(run("c#estimated", 1))).contains(run("c#estimated", 1));
        assertThat(RESUMED.billed(run("unknown", 2))).contains(run("unknown", 2));
    }

    @Test
    void each_trace_that_shares_calls_is_said_with_where_they_are_billed() {
        assertThat(RESUMED.shared()).containsExactly(
                "a: not reported apart: its 2 calls are also in b, whose rows bill them",
                "c: 2 of its 3 calls are also in b, whose rows bill them; its own rows hold the other 1");
    }

    @Test
    void a_log_cut_off_before_its_last_call_was_billed_leaves_the_calls_it_shares_to_the_log_with_a_bill() {
        // The longer copy's last call has no usage: its trace is estimated, and has no recorded row to bill them in.
        BilledOnce cut = BilledOnce.of(List.of(Map.of("a", billed("m1", "m2")),
                Map.of("b", new BilledOnce.TraceCalls(calls("m1", "m2", "m3"), false))));

        assertThat(cut.billed(run("a", 2))).contains(run("a", 2));
        assertThat(cut.billed(run("b", 3)).orElseThrow().turns()).extracting(ReplayTurn::turn).containsExactly(3);
        assertThat(cut.shared()).containsExactly(
                "b: 2 of its 3 calls are also in a, whose rows bill them; its own rows hold the other 1");
    }

    @Test
    void a_call_a_trace_holds_twice_is_billed_once() {
        BilledOnce once = BilledOnce.of(List.of(Map.of("s.jsonl", billed("m1", "m2", "m2", "m3"))));

        assertThat(once.billed(run("s.jsonl", 4)).orElseThrow().turns()).extracting(ReplayTurn::turn)
                .containsExactly(1, 2, 4);
        assertThat(once.shared()).isEmpty();
    }

    @Test
    void a_call_two_traces_of_one_log_hold_is_billed_by_one() {
        // One response whose lines fell in the main context and in a sidechain.
        Map<String, BilledOnce.TraceCalls> log = new LinkedHashMap<>();
        log.put("s.jsonl", billed("m1", "m2"));
        log.put("s.jsonl#sidechain-1", billed("m2", "m3"));

        BilledOnce once = BilledOnce.of(List.of(log));

        assertThat(once.billed(run("s.jsonl", 2))).contains(run("s.jsonl", 2));
        assertThat(once.billed(run("s.jsonl#sidechain-1", 2)).orElseThrow().turns()).extracting(ReplayTurn::turn)
                .containsExactly(2);
        assertThat(once.shared()).containsExactly("s.jsonl#sidechain-1: 1 of its 2 calls is also in s.jsonl, whose rows "
                + "bill it; its own rows hold the other 1");
    }

    private static BilledOnce.TraceCalls billed(String... ids) {
        return new BilledOnce.TraceCalls(calls(ids), true);
    }

    private static List<Optional<String>> calls(String... ids) {
        return Arrays.stream(ids).map(Optional::of).toList();
    }

    private static ReplayRun run(String trace, int turns) {
        return new ReplayRun(trace, "transcript", IntStream.rangeClosed(1, turns).mapToObj(turn -> new ReplayTurn(turn,
                100, new Usage(100, 0, 0, 10, 0), 0.01, 0.005, 0, 0, 0, 0.0, CallCache.of(false))).toList(), false, 0.0);
    }
}
