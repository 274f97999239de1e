package dev.cachet.providers;

/** The model asked for cannot be used as given: an unknown provider, a missing key or price, a bad cache TTL. */
public class ModelSpecException extends RuntimeException {
    public ModelSpecException(String message) {
        super(message);
    }
}
