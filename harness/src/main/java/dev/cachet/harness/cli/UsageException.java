package dev.cachet.harness.cli;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;

/**
 * The command line contradicts itself, found once it is parsed: two flags that ask for different things, a flag the
 * chosen report or command has no use for. A bad usage like a malformed value, so it exits as picocli's own do.
 */
final class UsageException extends CachetException {
    UsageException(String message) {
        super(ExitKind.USAGE, message);
    }
}
