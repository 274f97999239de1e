package dev.cachet.evals.corpus;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** The corpus could not be fetched or verified; the message names the file and what went wrong. */
public class CorpusException extends CachetException {
    public CorpusException(String message) {
        super(ExitKind.INPUT, message);
    }

    public CorpusException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
