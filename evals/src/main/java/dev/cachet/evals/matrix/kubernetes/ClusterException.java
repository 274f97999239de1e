package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** The cluster cannot be used: no config, an unknown context, an API that does not answer or refuses. */
public class ClusterException extends CachetException {
    public ClusterException(String message) {
        super(ExitKind.INPUT, message);
    }

    public ClusterException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
