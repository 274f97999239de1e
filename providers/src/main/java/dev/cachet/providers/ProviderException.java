package dev.cachet.providers;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A model could not answer: the message names the provider and what went wrong. */
public class ProviderException extends CachetException {
    public ProviderException(String message) {
        super(ExitKind.PROVIDER, message);
    }

    public ProviderException(String message, Throwable cause) {
        super(ExitKind.PROVIDER, message, cause);
    }
}
