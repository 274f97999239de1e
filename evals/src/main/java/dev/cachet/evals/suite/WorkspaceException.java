package dev.cachet.evals.suite;

/** A task's workspace cannot be prepared: the clone, the checkout or the setup command failed; names the task. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
