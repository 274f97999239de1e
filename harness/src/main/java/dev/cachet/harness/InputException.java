package dev.cachet.harness;

/** The user gave cachet something it cannot use: a missing workspace, an unknown model or strategy. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
