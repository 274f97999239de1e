package dev.cachet.evals.matrix;

import java.util.Objects;

/**
 * A run the agent could not finish through no fault of its own, such as the model's provider failing: an errored
 * run, not an unsolved one, which still spent what {@link #spent} says.
 */
public final class AgentFailedException extends Exception {
    private final transient AgentResult spent;

    public AgentFailedException(AgentResult spent, String message) {
        super(message);
        this.spent = Objects.requireNonNull(spent, "spent");
    }

    /** What the run spent before it failed, which the eval counts toward its budget and reports. */
    public AgentResult spent() {
        return spent;
    }
}
