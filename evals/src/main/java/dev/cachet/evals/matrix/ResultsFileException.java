package dev.cachet.evals.matrix;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A results file cannot be used: it exists without --resume, is in use, or holds a malformed line (file:line). */
public class ResultsFileException extends CachetException {
    public ResultsFileException(String message) {
        super(ExitKind.INPUT, message);
    }

    public ResultsFileException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
