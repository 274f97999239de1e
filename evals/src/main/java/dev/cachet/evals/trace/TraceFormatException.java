package dev.cachet.evals.trace;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/**
 * A trajectory file cannot be read as any known format, or breaks the format it claims; the message names the
 * file, and the line where the format is line-based.
 */
public class TraceFormatException extends CachetException {
    public TraceFormatException(String message) {
        super(ExitKind.INPUT, message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
