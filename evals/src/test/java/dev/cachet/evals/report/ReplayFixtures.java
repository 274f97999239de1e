package dev.cachet.evals.report;

import dev.cachet.evals.replay.CallCache;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Replay runs with hand-picked figures, so that reports can be checked to the digit. */
final class ReplayFixtures {
    private ReplayFixtures() {}

    /**
     * Two turns: 1000 uncached in, then 200 uncached + 1000 read; each 100 out. Input costs 0.01 and 0.004, output
     * 0.0015 per turn, so the run costs 0.017 in all, 0.014 of it input; cache hit rate 1000/2200; one reference of
     * two visible.
     */
    static ReplayRun transcript(String trace) {
        return new ReplayRun(trace, "transcript", List.of(
                new ReplayTurn(1, 1000, new Usage(1000, 0, 0, 100, 0), 0.0115, 0.01, 1, 1, 0, 0.0, CallCache.of(false)),
                new ReplayTurn(2, 1200, new Usage(200, 0, 1000, 100, 0), 0.0055, 0.004, 1, 0, 0, 0.0, CallCache.of(false))), true, 0.0125);
    }

    /**
     * What a trace's log says it was billed: 1000 uncached in, then 1300 uncached after the cache expired; each 100
     * out. Input costs 0.01 and 0.013, output 0.0015 per turn: 0.026 in all, 0.023 of it input; no cache reads.
     * Its original harness's replay is {@link #transcript}'s, fitted.
     */
    static ReplayRun recorded(String trace) {
        return new ReplayRun(trace, "recorded", List.of(
                new ReplayTurn(1, 1000, new Usage(1000, 0, 0, 100, 0), 0.0115, 0.01, 0, 0, 0, 0.0, CallCache.of(false)),
                new ReplayTurn(2, 1300, new Usage(1300, 0, 0, 100, 0), 0.0145, 0.013, 0, 0, 0, 0.0, CallCache.of(true))), false, 0.0125,
                Optional.of(fitted(transcript(trace))));
    }

    /** The same run of a trace whose log records its usage, so that its counts were fitted to the bill. */
    static ReplayRun fitted(ReplayRun run) {
        return new ReplayRun(run.trace(), run.strategy(), run.turns(), false, run.restartCostUsd());
    }

    /** Half the transcript's input cost, 0.007, and no cache reads. */
    static ReplayRun masking(String trace) {
        return new ReplayRun(trace, "masking", List.of(
                new ReplayTurn(1, 500, new Usage(500, 0, 0, 100, 0), 0.0065, 0.005, 1, 1, 0, 0.0, CallCache.of(false)),
                new ReplayTurn(2, 200, new Usage(200, 0, 0, 100, 0), 0.0035, 0.002, 1, 1, 0, 0.0, CallCache.of(false))), true, 0.0025);
    }

    /** A long session of {@code turns} turns, with a growing window and rising cache reads. */
    static ReplayRun longRun(String trace, String strategy, int turns) {
        List<ReplayTurn> list = new ArrayList<>();
        IntStream.rangeClosed(1, turns).forEach(i -> list.add(new ReplayTurn(i, 1000 + 731 * i,
                new Usage(300 + i % 7 * 13, 50, 650 + 731L * i, 120, 0), 0.001 * i + 0.0003, 0.001 * i, i % 3,
                i % 2, 0, 0.0, CallCache.of(i % 10 == 0))));
        return new ReplayRun(trace, strategy, list, false, 0.001 * turns);
    }
}
