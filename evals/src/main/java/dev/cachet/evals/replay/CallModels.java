package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.PricedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** @param billed the model of a call, which depends only on the model its log names: each is looked up once */
    static CallModels of(Trajectory trajectory, Function<TrajectoryTurn, PricedModel> billed) {
        Map<Optional<String>, PricedModel> byName = new HashMap<>();
        return new CallModels(trajectory.turns().stream()
                .map(turn -> byName.computeIfAbsent(turn.model(), name -> billed.apply(turn))).toList());
    }

    /** The model of call {@code call} (from 0). */
    PricedModel of(int call) {
        return byCall.get(call);
    }

    /** The cache call {@code call} reads and writes: its model's, as each model caches apart. */
    String cacheOf(int call) {
        return of(call).spec().name();
    }

    /** The model call {@code call} switched from, where the call before it went to another. */
    Optional<String> switchedFrom(int call) {
        return call == 0 || cacheOf(call).equals(cacheOf(call - 1)) ? Optional.empty() : Optional.of(cacheOf(call - 1));
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
