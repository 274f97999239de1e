package dev.cachet.providers.pricing;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** A price file cannot be used; the message names the file and what is wrong. */
public class PriceTableException extends CachetException {
    public PriceTableException(String message, Throwable cause) {
        super(ExitKind.INPUT, message, cause);
    }
}
