package dev.cachet.providers.replay;

/** A recorded session file cannot be used: the message names the file, the line and what was expected. */
public class RecordingException extends RuntimeException {
    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
