package dev.cachet.providers;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** The model asked for cannot be used as given: an unknown provider, a missing key or price, a bad cache TTL. */
public class ModelSpecException extends CachetException {
    public ModelSpecException(String message) {
        super(ExitKind.INPUT, message);
    }
}
