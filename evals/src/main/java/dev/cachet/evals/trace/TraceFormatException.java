package dev.cachet.evals.trace;

/**
 * A trajectory file cannot be read as any known format, or breaks the format it claims; the message names the
 * file, and the line where the format is line-based.
 */
public class TraceFormatException extends RuntimeException {
    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
