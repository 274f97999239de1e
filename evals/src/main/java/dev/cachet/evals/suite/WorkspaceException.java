package dev.cachet.evals.suite;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A task's workspace cannot be prepared: the clone, the checkout or the setup command failed; names the task. */
public class WorkspaceException extends CachetException {
    public WorkspaceException(String message) {
        super(ExitKind.INPUT, message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
