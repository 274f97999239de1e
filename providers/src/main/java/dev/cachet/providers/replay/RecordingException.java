package dev.cachet.providers.replay;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A recorded session file cannot be used: the message names the file, the line and what was expected. */
public class RecordingException extends CachetException {
    public RecordingException(String message) {
        super(ExitKind.INPUT, message);
    }

    public RecordingException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
