package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.PricedModel;
import java.util.Map;
import java.util.function.Function;

/**
 * How a replay bills a trajectory: the model its strategies are billed as ({@link #apply}), and the one its original
 * harness was billed as ({@link #asLogged}), whose replay of its own transcript is checked against the recorded bill.
 * The two differ where the strategies are billed at another cache lifetime than the log's. Each call may be billed
 * as a model of its own, where the log names one per call.
 */
@FunctionalInterface
public interface Billing extends Function<Trajectory, PricedModel> {
    /** The model as the log shows it was billed; by default the strategies'. */
    default PricedModel asLogged(Trajectory trajectory) {
        return apply(trajectory);
    }

    /** The model the strategies' call {@code turn} is billed as; by default the trajectory's. */
    default PricedModel apply(Trajectory trajectory, TrajectoryTurn turn) {
        return apply(trajectory);
    }

    /** The model the log shows call {@code turn} was billed as; by default the trajectory's. */
    default PricedModel asLogged(Trajectory trajectory, TrajectoryTurn turn) {
        return asLogged(trajectory);
    }

    /**
     * The models the log names that are billed at another's price, having none of their own, each with the model
     * whose price it takes; by default none.
     */
    default Map<String, String> pricedAsAnother(Trajectory trajectory) {
        return Map.of();
    }
}
