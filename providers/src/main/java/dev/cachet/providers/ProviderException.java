package dev.cachet.providers;

/** A model could not answer: the message names the provider and what went wrong. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
