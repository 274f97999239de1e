package dev.cachet.evals.trace;

/**
 * A log of a known format that holds no model call yet: a session opened and left, or one that failed before its
 * first answer. Nothing in it to report or replay, and nothing wrong with it.
 */
public final class NoCallsException extends TraceFormatException {
    public NoCallsException(String message) {
        super(message);
    }
}
