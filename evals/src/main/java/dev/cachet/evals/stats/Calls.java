package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns trajectories into {@link Call}s, each call once over everything read through one instance: a resumed Claude
 * Code session's file repeats the calls of the file it resumed, under the same message and request ids, and they
 * were billed once. A call without an id is always new.
 */
public final class Calls {
    private final Set<String> counted = new HashSet<>();

    /** The calls of {@code trajectory} not met before; a call falls back on the trajectory's model. */
    public List<Call> of(Trajectory trajectory) {
        return of(trajectory.session(), trajectory.model(),
                trajectory.turns().stream().map(TraceSummary.Turn::of).toList());
    }

    /**
     * The calls of a trajectory read as a summary, as {@link #of(Trajectory)}, then its keep-alive pings: calls of the
     * session's own agent at the trajectory's model, whose prefix they kept cached.
     */
    public List<Call> of(TraceSummary trajectory) {
        List<Call> calls = of(trajectory.session(), trajectory.model(), trajectory.turns());
        for (TraceSummary.Ping ping : trajectory.pings()) {
            calls.add(new Call(trajectory.session(), TrajectoryTurn.MAIN, trajectory.model(), ping.at(), ping.usage(), true));
        }
        return calls;
    }

    private List<Call> of(String session, Optional<String> model, List<TraceSummary.Turn> turns) {
        List<Call> calls = new ArrayList<>();
        for (TraceSummary.Turn turn : turns) {
            if (turn.callId().map(counted::add).orElse(true)) {
                calls.add(new Call(session, turn.agent(), turn.model().or(() -> model), turn.at(), turn.usage()));
            }
        }
        return calls;
    }
}
