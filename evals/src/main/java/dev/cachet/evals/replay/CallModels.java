package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.PricedModel;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The model each call of a trajectory is billed as: its own where the log names the model per call, else the
 * trajectory's. A session may switch models (Claude Code's /model, its opusplan mode, a fall back from Opus to
 * Sonnet at a usage limit, Codex's /model), and each call is billed at its own model's prices.
 */
record CallModels(List<PricedModel> byCall) {
    CallModels {
        byCall = List.copyOf(byCall);
        if (byCall.isEmpty()) {
            throw new IllegalArgumentException("a trajectory has at least one call");
        }
    }

    static CallModels of(Trajectory trajectory, Function<TrajectoryTurn, PricedModel> billed) {
        return new CallModels(trajectory.turns().stream().map(billed).toList());
    }

    /** The model of call {@code call} (from 0). */
    PricedModel of(int call) {
        return byCall.get(call);
    }

    PricedModel last() {
        return byCall.get(byCall.size() - 1);
    }

    /** Whether these bill every call as {@code other} does: the same model, cache and prices. */
    boolean billAs(CallModels other) {
        return byCall.size() == other.byCall.size() && IntStream.range(0, byCall.size()).allMatch(i ->
                of(i).spec().equals(other.of(i).spec()) && of(i).listed().equals(other.of(i).listed()));
    }
}
