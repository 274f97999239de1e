package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A pod's plan cannot be used: malformed, or its index or task is not in it. */
public class PlanException extends CachetException {
    public PlanException(String message) {
        super(ExitKind.INPUT, message);
    }
}
