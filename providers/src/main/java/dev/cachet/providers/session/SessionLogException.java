package dev.cachet.providers.session;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A session log cannot be read or written: the message names the file, the line and what was wrong. */
public class SessionLogException extends CachetException {
    public SessionLogException(String message) {
        super(ExitKind.INPUT, message);
    }

    public SessionLogException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
