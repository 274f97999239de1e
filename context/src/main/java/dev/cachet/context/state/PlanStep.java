package dev.cachet.context.state;

import java.util.Objects;

/** One step of the agent's plan. */
public record PlanStep(String text, StepStatus status) {
    public PlanStep {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }
}
