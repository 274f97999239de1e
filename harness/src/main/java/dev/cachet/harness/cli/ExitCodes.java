package dev.cachet.harness.cli;

import dev.cachet.context.error.ExitKind;
import dev.cachet.providers.session.StopReason;

/** cachet's exit codes, as documented in the README; a failure's own come from its {@link ExitKind}. */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = ExitKind.USAGE.code();
    static final int INPUT = ExitKind.INPUT.code();
    static final int PROVIDER = ExitKind.PROVIDER.code();
    static final int LIMIT = ExitKind.LIMIT.code();
    static final int CHECK_FAILED = 5;
    /** As a shell reports a process that SIGINT ended: 128 + 2. */
    static final int INTERRUPTED = 130;
    static final int INTERNAL = 70;

    private ExitCodes() {}

    /** How a session's command exits after the session stopped for this reason. */
    static int after(StopReason reason) {
        if (reason == StopReason.INTERRUPTED) {
            return INTERRUPTED;
        }
        return reason.limit() ? LIMIT : OK;
    }
}
