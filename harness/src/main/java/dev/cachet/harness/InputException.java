package dev.cachet.harness;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/** The user gave cachet something it cannot use: a missing workspace, an unknown model or strategy. */
public class InputException extends CachetException {
    public InputException(String message) {
        super(ExitKind.INPUT, message);
    }
}
