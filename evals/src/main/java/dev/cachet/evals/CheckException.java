package dev.cachet.evals;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A task's check cannot run as it must, such as sandboxed where bubblewrap is missing; names the task. */
public class CheckException extends CachetException {
    public CheckException(String message) {
        super(ExitKind.INPUT, message);
    }
}
