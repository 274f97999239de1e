package dev.cachet.providers.session;

/** A session log cannot be read: the message names the file, the line and what was wrong. */
public class SessionLogException extends RuntimeException {
    public SessionLogException(String message) {
        super(message);
    }

    public SessionLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
