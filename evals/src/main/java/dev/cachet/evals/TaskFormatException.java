package dev.cachet.evals;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A task file cannot be read; the message names the file. */
public class TaskFormatException extends CachetException {
    public TaskFormatException(String message) {
        super(ExitKind.INPUT, message);
    }
}
